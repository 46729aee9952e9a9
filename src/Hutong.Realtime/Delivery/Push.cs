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

    /// <summary>Frames in no stream: live notices (a broadcast's arrival) that are neither logged nor replayed, so never skipped as already sent.</summary>
    public static readonly Guid LiveStream = new("00000000-0000-0000-0000-00000000001f");

    public static Push Live(byte[] frame) => new(LiveStream, 0, frame);
}
