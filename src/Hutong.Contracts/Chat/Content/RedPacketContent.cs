namespace Hutong.Contracts.Chat.Content;

/// <summary>
/// A red packet, by its id (<c>GET /api/v1/red-packets/{id}</c>), with the sender's greeting. Written by the wallet,
/// never sent by a device; its amount stays private to its sender and its openers.
/// </summary>
public sealed record RedPacketContent(string Id, string? Greeting = null) : MessageContent
{
    public override string? SearchText() => Greeting;

    /// <summary>The money is already on its way: hiding the message would not bring it back.</summary>
    public override bool Recallable() => false;
}
