using Hutong.Core.Errors;

namespace Hutong.Wallet.RedPackets;

/// <summary>
/// One red packet: serialises its opens in memory, so no two people draw against the same remainder, and writes each
/// open as a ledger transfer before answering. Keyed by the packet's id.
/// </summary>
public interface IRedPacketGrain : IGrainWithGuidKey
{
    /// <summary>Opens the person's share; a member of the packet's conversation opens once.</summary>
    Task<Result<PacketView>> OpenAsync(Guid userId);

    /// <summary>The packet and who opened what, for members of its conversation.</summary>
    Task<Result<PacketView>> ViewAsync(Guid userId);

    /// <summary>
    /// Records the seq of the packet's message, in storage and in the activation, which may have been read from storage
    /// before (a member can look at the packet as soon as its message arrives). The sender hears of opens from then on.
    /// </summary>
    Task PostedAsync(long messageSeq);

    /// <summary>
    /// Returns what was not opened to the sender once the packet is due, or at once when <paramref name="now"/> (its
    /// message never went out). Safe to repeat: the refund has one ledger id.
    /// </summary>
    Task ExpireAsync(bool now);
}
