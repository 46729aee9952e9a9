using System.Diagnostics;

namespace Hutong.Bench.Broadcasts;

/// <summary>When each broadcast (by its id, or its text on the relay) reached each device: first and last arrival, and any device told twice.</summary>
internal sealed class Arrivals(int online)
{
    private readonly Dictionary<string, Broadcast> _broadcasts = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private int _duplicates;

    public int Online => online;

    public int Duplicates => Volatile.Read(ref _duplicates);

    /// <summary>Completes once every online device has the broadcast (pushes may have come before the 201).</summary>
    public Task Expect(string broadcastId)
    {
        lock (_lock)
        {
            return Of(broadcastId).Done.Task;
        }
    }

    public void Arrived(string broadcastId, int device)
    {
        var at = Stopwatch.GetTimestamp();
        lock (_lock)
        {
            var broadcast = Of(broadcastId);
            if (broadcast.Seen[device])
            {
                _duplicates++;
                return;
            }

            broadcast.Seen[device] = true;
            broadcast.First = broadcast.First == 0 ? at : broadcast.First;
            broadcast.Last = at;
            if (++broadcast.Count == online)
            {
                broadcast.Done.TrySetResult();
            }
        }
    }

    public int Count(string broadcastId)
    {
        lock (_lock)
        {
            return Of(broadcastId).Count;
        }
    }

    public (long First, long Last) Span(string broadcastId)
    {
        lock (_lock)
        {
            var broadcast = Of(broadcastId);
            return (broadcast.First, broadcast.Last);
        }
    }

    private Broadcast Of(string broadcastId)
    {
        if (!_broadcasts.TryGetValue(broadcastId, out var broadcast))
        {
            _broadcasts[broadcastId] = broadcast = new Broadcast(new bool[online]);
        }

        return broadcast;
    }

    private sealed class Broadcast(bool[] seen)
    {
        public bool[] Seen { get; } = seen;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Count { get; set; }

        public long First { get; set; }

        public long Last { get; set; }
    }
}
