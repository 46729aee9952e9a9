namespace Hutong.Contracts.Chat.Content;

/// <summary>
/// A system notice, written by the platform: who (<see cref="ActorId"/>) did what (<see cref="Type"/>, one of
/// <see cref="NoticeTypes"/>) to whom (<see cref="UserIds"/>); a recall names the message it blanks by
/// <see cref="TargetSeq"/>, a rename or announcement carries its words as <see cref="Text"/>.
/// </summary>
public sealed record NoticeContent(string Type, string? ActorId = null, IReadOnlyList<string>? UserIds = null, long? TargetSeq = null, string? Text = null)
    : MessageContent
{
    public override bool Recallable() => false;

    /// <summary>The transfer this notice says was accepted, declined or expired; null for any other notice.</summary>
    public string? TransferId() =>
        Type is NoticeTypes.TransferAccepted or NoticeTypes.TransferDeclined or NoticeTypes.TransferExpired ? Text : null;
}
