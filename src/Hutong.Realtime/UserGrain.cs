using Hutong.Core;
using Hutong.Realtime.Log;
using Orleans.Concurrency;

namespace Hutong.Realtime;

/// <summary>
/// The person's event log: appends, and the reservations of writes that tell many people at once (where the person is
/// connected is in UserGrain.Presence.cs). Reentrant so that appends queue in the writer together; each takes its seq before its first await, which is what
/// keeps the log gap-free and ordered.
/// </summary>
[Reentrant]
internal sealed partial class UserGrain(IEventLogStore log, EventLogWriter writer, TimeProvider clock) : Grain, IUserGrain
{
    private readonly Dictionary<long, Reservation> _reserved = [];
    private long _lastSeq;

    /// <summary>This activation's latest append: each follows it, so none is durable past one that failed.</summary>
    private Task? _lastWrite;

    /// <summary>
    /// Unfinished while a reservation, or an append behind one, is not yet durable: appends then wait for the one before
    /// them instead of joining the writer's queue at once, since the reserved entry is written elsewhere.
    /// </summary>
    private Task? _heldBack;

    private Guid UserId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Versions start from the clock, so a later activation's (on any node) outrank what an earlier one told.
        _presenceVersion = clock.GetUtcNow().UtcTicks;
        _lastSeq = await log.GetLastSeqAsync(UserId, cancellationToken);
    }

    public async Task<long> AppendAsync(EventData data)
    {
        var entry = NextEntry(data);
        var write = _heldBack is { IsCompleted: false }
            ? _heldBack = WriteBehindAsync(_lastWrite!, entry)
            : writer.WriteAsync(_lastWrite, entry);
        _lastWrite = write;
        try
        {
            await write;
        }
        catch
        {
            // The seq may or may not be taken now: start again from storage.
            DeactivateOnIdle();
            throw;
        }

        await DeliverAsync(entry);
        return entry.Seq;
    }

    public async Task<Reserved?> ReserveAsync(EventData data)
    {
        if (_heldBack is { IsCompleted: false })
        {
            // One at a time: a reservation waiting for another, written by someone else, could wait in a circle.
            return null;
        }

        var entry = NextEntry(data);
        var previous = _lastWrite;
        var reservation = new Reservation(entry);
        _reserved[entry.Seq] = reservation;
        _lastWrite = _heldBack = reservation.Durable.Task;
        _ = SettleByDeadlineAsync(reservation);
        if (previous is { IsCompleted: false })
        {
            // The reserved entry may be written the moment this returns, so what comes before it must be durable first.
            // That append is in this node's writer and waits for no reservation, so this cannot wait in a circle.
            await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        }

        if (previous is { IsCompletedSuccessfully: false })
        {
            // That append deactivated the grain; this entry fails with it, and so does whatever follows it.
            _reserved.Remove(entry.Seq);
            reservation.Fail(new InvalidOperationException("The append before this reservation failed."));
            throw new InvalidOperationException("The person's previous append failed; try again.");
        }

        return new Reserved(entry.Seq, entry.At);
    }

    public async Task SettleAsync(long seq, bool written)
    {
        if (!_reserved.Remove(seq, out var reservation))
        {
            return; // settled already, at its deadline
        }

        reservation.StopDeadline();
        if (!written)
        {
            try
            {
                await WriteReservedAsync(reservation.Entry);
            }
            catch (Exception e)
            {
                // Whatever waits behind it fails too; the grain starts again from storage.
                reservation.Fail(e);
                DeactivateOnIdle();
                throw;
            }
        }

        reservation.Durable.TrySetResult();
        await DeliverAsync(reservation.Entry);
    }

    private StoredEvent NextEntry(EventData data) => new(UserId, ++_lastSeq, data.Kind, clock.Now(), data.Payload);

    /// <summary>An append behind a reservation: queued once the one before it is durable, and not at all if it failed.</summary>
    private async Task WriteBehindAsync(Task previous, StoredEvent entry)
    {
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        await writer.WriteAsync(previous, entry);
    }

    /// <summary>Writes a reservation whose writer gave up or never said; returns once it is durable, by either hand.</summary>
    private async Task WriteReservedAsync(StoredEvent entry)
    {
        try
        {
            await writer.WriteAsync(null, entry);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A writer that stalled past the deadline may have written it after all: then the key refused this copy.
            if (await log.ReadAsync(UserId, entry.Seq - 1, 1, CancellationToken.None) is not [{ } stored] || stored.Seq != entry.Seq)
            {
                throw;
            }
        }
    }

    private async Task SettleByDeadlineAsync(Reservation reservation)
    {
        try
        {
            await Task.Delay(Reserved.SettleWithin, clock, reservation.Deadline.Token);
            await SettleAsync(reservation.Entry.Seq, written: false);
        }
        catch (OperationCanceledException)
        {
            // Settled in time.
        }
        catch (Exception)
        {
            // Nobody awaits this: SettleAsync already failed what waits behind the entry and deactivated the grain.
        }
    }

    /// <summary>An entry whose seq is taken while another node writes it; what follows waits for <see cref="Durable"/>.</summary>
    private sealed class Reservation(StoredEvent entry)
    {
        public StoredEvent Entry { get; } = entry;

        public TaskCompletionSource Durable { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenSource Deadline { get; } = new();

        /// <summary>Idempotent; the source has no timer of its own, so it needs no disposing.</summary>
        public void StopDeadline() => Deadline.Cancel();

        public void Fail(Exception failure)
        {
            StopDeadline();
            Durable.TrySetException(failure);
        }
    }
}
