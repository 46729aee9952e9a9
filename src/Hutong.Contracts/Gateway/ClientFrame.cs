namespace Hutong.Contracts.Gateway;

/// <summary>
/// A frame from a device. <see cref="Type"/> says which fields matter: <c>hello</c> (token, cursor, conversations),
/// <c>send</c> (conversationId, clientMsgId and the fields of <c>SendMessageRequest</c>), <c>ping</c>.
/// </summary>
public sealed record ClientFrame(
    string Type,
    string? Token = null,
    long? Cursor = null,
    IReadOnlyDictionary<string, long>? Conversations = null,
    string? ConversationId = null,
    string? ClientMsgId = null,
    string? Kind = null,
    string? Text = null,
    long? ReplyToSeq = null,
    IReadOnlyList<string>? Mentions = null,
    bool? MentionsAll = null,
    string? MediaId = null,
    string? FileName = null,
    int? DurationMs = null,
    Chat.LocationInfo? Location = null,
    string? CardUserId = null);
