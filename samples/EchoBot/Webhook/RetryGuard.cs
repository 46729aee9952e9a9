using System.Collections.Concurrent;
using EchoBot.Protocol;

namespace EchoBot.Webhook;

/// <summary>
/// Answers each push once. When a reply is late, the platform sends the same push again (three tries, five seconds
/// apart); a retry gets the first delivery's reply, waiting for it if it is still being made, and whatever the first
/// delivery set going (a customer-service message) is not done again.
/// </summary>
internal sealed class RetryGuard(TimeProvider time)
{
    /// <summary>Far longer than the platform keeps retrying (about 15 seconds).</summary>
    private static readonly TimeSpan Remember = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Delivery> _seen = new(StringComparer.Ordinal);
    private long _nextSweepTicks;

    /// <summary>
    /// The reply to the push <paramref name="key"/> names: <paramref name="answer"/>'s the first time, the same one
    /// again for a retry (<paramref name="retry"/> is then true).
    /// </summary>
    public Reply Once(string key, Func<Reply> answer, out bool retry)
    {
        var now = time.GetUtcNow();
        Sweep(now);
        var delivery = new Delivery(new Lazy<Reply>(answer, LazyThreadSafetyMode.ExecutionAndPublication), now + Remember);
        var first = _seen.GetOrAdd(key, delivery);
        retry = !ReferenceEquals(first, delivery);
        try
        {
            return first.Reply.Value;
        }
        catch
        {
            // A failure is not an answer: let the platform's retry try again.
            _seen.TryRemove(new KeyValuePair<string, Delivery>(key, first));
            throw;
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextSweepTicks, (now + SweepEvery).UtcTicks, due) != due)
        {
            return;
        }

        foreach (var (key, delivery) in _seen)
        {
            if (delivery.ForgetAt <= now)
            {
                _seen.TryRemove(new KeyValuePair<string, Delivery>(key, delivery));
            }
        }
    }

    private sealed record Delivery(Lazy<Reply> Reply, DateTimeOffset ForgetAt);
}
