namespace Hutong.Realtime.Delivery;

/// <summary>
/// A gateway frame on its way to a person's devices, serialised once by whoever made it. <see cref="Stream"/> and
/// <see cref="Seq"/> place it (a conversation and its message seq, or <see cref="Guid.Empty"/> and the person's event
/// seq), so a device that is resuming gets what its resume did not already carry, once.
/// </summary>
[GenerateSerializer, Immutable, Alias("hutong.realtime.push")]
public sealed record Push([property: Id(0)] Guid Stream, [property: Id(1)] long Seq, [property: Id(2)] byte[] Frame)
{
    /// <summary>The stream of the person's own event log.</summary>
    public static readonly Guid EventLogStream = Guid.Empty;
}
