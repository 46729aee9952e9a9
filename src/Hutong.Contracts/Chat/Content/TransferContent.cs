namespace Hutong.Contracts.Chat.Content;

/// <summary>
/// Money to the other person of a direct chat, held until they accept it. Written by the wallet, never sent by a
/// device. <see cref="Id"/> is the transfer's (<c>GET /api/v1/transfers/{id}</c>); the note is the sender's.
/// </summary>
public sealed record TransferContent(string Id, long Amount, string? Note = null) : MessageContent
{
    public override string? SearchText() => Note;

    /// <summary>The money is already on its way: hiding the message would not bring it back.</summary>
    public override bool Recallable() => false;
}
