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
    string? CardUserId = null,
    MoneyInfo? Money = null);

/// <summary>
/// What a money message refers to: a transfer (by the sender's <c>transferId</c>, with its amount) or a red packet (by
/// its id; the amount stays private to its sender and its openers).
/// </summary>
public sealed record MoneyInfo(string Id, long? Amount);
