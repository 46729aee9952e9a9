namespace Hutong.Contracts.Chat;

/// <summary>
/// <c>POST /api/v1/conversations/{id}/messages</c>. <see cref="ClientMsgId"/> is chosen by the sending device and makes
/// a resend safe: the same id returns the first message's seq. <see cref="Kind"/> says which other fields it needs:
/// text (<c>text</c>), image/video/file (<c>mediaId</c>, <c>fileName</c>), voice (<c>mediaId</c>, <c>durationMs</c>),
/// location (<c>location</c>), card (<c>cardUserId</c>).
/// </summary>
public sealed record SendMessageRequest(
    string ClientMsgId,
    string? Kind,
    string? Text,
    long? ReplyToSeq,
    IReadOnlyList<string>? Mentions,
    bool? MentionsAll,
    string? MediaId = null,
    string? FileName = null,
    int? DurationMs = null,
    LocationInfo? Location = null,
    string? CardUserId = null);
