using System.Collections.Frozen;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using Hutong.Contracts;
using Hutong.Contracts.Events;

namespace Hutong.Realtime.Log;

/// <summary>
/// Where every feature writes to people's event logs: each person's grain gives the entry its seq, the node's group
/// commit makes it durable, and then it is pushed to the person's devices wherever they are connected.
/// </summary>
public sealed class EventLog(IGrainFactory grains, EventLogWriter writer)
{
    /// <summary>Appends in flight at once for one <see cref="AppendToEachAsync"/>.</summary>
    private const int TogetherAtMost = 250;

    private static readonly FrozenDictionary<Type, string> Kinds = HutongJsonContext.Default.UserEvent.PolymorphismOptions!.DerivedTypes
        .ToFrozenDictionary(d => d.DerivedType, d => (string)d.TypeDiscriminator!);

    /// <summary>Appends to one person's log; returns the entry's seq once it is durable.</summary>
    public Task<long> AppendAsync(Guid userId, UserEvent userEvent) =>
        grains.GetGrain<IUserGrain>(userId).AppendAsync(Encode(userEvent));

    /// <summary>
    /// Appends the same event to each person's log as one write, all or none: each person's grain reserves the entry's
    /// seq, this node commits the entries in one unit, and then each grain is told and pushes its entry. A person whose
    /// grain is already waiting on another reservation gets the event by a plain append afterwards; so does everyone if
    /// the write fails, each grain writing its own reserved entry. Returns when every entry is durable.
    /// </summary>
    public async Task AppendToEachAsync(IEnumerable<Guid> userIds, UserEvent userEvent)
    {
        var data = Encode(userEvent);
        var reserved = new List<(IUserGrain Grain, StoredEvent Entry)>();
        var alone = new List<Guid>();
        Exception? failure = null;
        // Bounded, because a person's first reservation activates their grain, which reads their log's last seq.
        foreach (var batch in userIds.Distinct().Chunk(TogetherAtMost))
        {
            foreach (var (userId, place, refused) in await Task.WhenAll(batch.Select(id => TryReserveAsync(id, data))))
            {
                if (refused is not null)
                {
                    failure ??= refused;
                }
                else if (place is not null)
                {
                    reserved.Add((grains.GetGrain<IUserGrain>(userId), new StoredEvent(userId, place.Seq, data.Kind, place.At, data.Payload)));
                }
                else
                {
                    alone.Add(userId);
                }
            }
        }

        // A failure to settle or append for one person does not keep the event from the others.
        if (reserved.Count > 0)
        {
            var written = await WriteAllAsync([.. reserved.Select(r => r.Entry)]);
            failure ??= await FirstFailureAsync(reserved.Select(r => r.Grain.SettleAsync(r.Entry.Seq, written)));
        }

        foreach (var batch in alone.Chunk(TogetherAtMost))
        {
            failure ??= await FirstFailureAsync(batch.Select(id => grains.GetGrain<IUserGrain>(id).AppendAsync(data)));
        }

        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    private static async Task<Exception?> FirstFailureAsync(IEnumerable<Task> tasks)
    {
        var all = Task.WhenAll(tasks);
        await all.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        return all.Exception?.InnerException;
    }

    private async Task<(Guid UserId, Reserved? Place, Exception? Failure)> TryReserveAsync(Guid userId, EventData data)
    {
        try
        {
            return (userId, await grains.GetGrain<IUserGrain>(userId).ReserveAsync(data), null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The others still get the event; the caller learns of this one at the end.
            return (userId, null, e);
        }
    }

    private async Task<bool> WriteAllAsync(IReadOnlyList<StoredEvent> entries)
    {
        try
        {
            await writer.WriteAllAsync(entries);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Nothing of it is written; each grain writes its own entry when told (the writer has logged the cause).
            return false;
        }
    }

    public static EventData Encode(UserEvent userEvent) =>
        new(Kinds[userEvent.GetType()], JsonSerializer.SerializeToUtf8Bytes(userEvent with { Seq = 0, At = default }, HutongJsonContext.Default.UserEvent));

    /// <summary>The entry as its owner's devices see it.</summary>
    public static UserEvent Decode(StoredEvent entry) =>
        JsonSerializer.Deserialize(entry.Payload, HutongJsonContext.Default.UserEvent)! with { Seq = entry.Seq, At = entry.At };
}
