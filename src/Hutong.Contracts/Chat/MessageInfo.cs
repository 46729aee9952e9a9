namespace Hutong.Contracts.Chat;

/// <summary>
/// A message as a member sees it. A recalled message keeps its place with <see cref="Recalled"/> set and its content
/// gone; the <c>recalled</c> system message that follows it tells devices that had it to drop it.
/// </summary>
public sealed record MessageInfo(
    long Seq,
    string SenderId,
    string Kind,
    string? Text,
    long? ReplyToSeq,
    IReadOnlyList<string>? Mentions,
    bool MentionsAll,
    DateTimeOffset SentAt,
    bool Recalled,
    string? ClientMsgId,
    Notice? Notice,
    AttachmentInfo? Attachment = null,
    LocationInfo? Location = null,
    string? CardUserId = null);
