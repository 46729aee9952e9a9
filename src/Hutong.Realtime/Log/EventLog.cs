using System.Collections.Frozen;
using System.Text.Json;
using Hutong.Contracts;
using Hutong.Contracts.Events;

namespace Hutong.Realtime.Log;

/// <summary>
/// Where every feature writes to people's event logs: each person's grain gives the entry its seq, the node's group
/// commit makes it durable, and then it is pushed to the person's devices wherever they are connected.
/// </summary>
public sealed class EventLog(IGrainFactory grains)
{
    /// <summary>Appends in flight at once for one <see cref="AppendToEachAsync"/>.</summary>
    private const int TogetherAtMost = 250;

    private static readonly FrozenDictionary<Type, string> Kinds = HutongJsonContext.Default.UserEvent.PolymorphismOptions!.DerivedTypes
        .ToFrozenDictionary(d => d.DerivedType, d => (string)d.TypeDiscriminator!);

    /// <summary>Appends to one person's log; returns the entry's seq once it is durable.</summary>
    public Task<long> AppendAsync(Guid userId, UserEvent userEvent) =>
        grains.GetGrain<IUserGrain>(userId).AppendAsync(Encode(userEvent));

    /// <summary>
    /// Appends the same event to each person's log, many at once: the appends meet in the node's group commit, so a
    /// change told to a 500-member group is a few transactions. Returns when every entry is durable.
    /// </summary>
    public async Task AppendToEachAsync(IEnumerable<Guid> userIds, UserEvent userEvent)
    {
        var data = Encode(userEvent);
        // Bounded, because a person's first append activates their grain, which reads their log's last seq.
        foreach (var batch in userIds.Chunk(TogetherAtMost))
        {
            await Task.WhenAll(batch.Select(id => grains.GetGrain<IUserGrain>(id).AppendAsync(data)));
        }
    }

    public static EventData Encode(UserEvent userEvent) =>
        new(Kinds[userEvent.GetType()], JsonSerializer.SerializeToUtf8Bytes(userEvent with { Seq = 0, At = default }, HutongJsonContext.Default.UserEvent));

    /// <summary>The entry as its owner's devices see it.</summary>
    public static UserEvent Decode(StoredEvent entry) =>
        JsonSerializer.Deserialize(entry.Payload, HutongJsonContext.Default.UserEvent)! with { Seq = entry.Seq, At = entry.At };
}
