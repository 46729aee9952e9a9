namespace Hutong.Contracts.Chat;

/// <summary>
/// <c>POST /api/v1/conversations/{id}/messages</c>. <see cref="ClientMsgId"/> is chosen by the sending device and makes
/// a resend safe: the same id returns the first message's seq.
/// </summary>
public sealed record SendMessageRequest(
    string ClientMsgId,
    string? Kind,
    string? Text,
    long? ReplyToSeq,
    IReadOnlyList<string>? Mentions,
    bool? MentionsAll);
