using Hutong.Contracts.Chat;
using Hutong.Contracts.Events;

namespace Hutong.Contracts.Gateway;

/// <summary>
/// A frame from the server. <see cref="Type"/> says which fields are set: <c>welcome</c> (userId, deviceId, cursor,
/// conversations), <c>ack</c> (clientMsgId, conversationId, seq, sentAt), <c>event</c> (kind with message or
/// userEvent), <c>error</c> (code, status, title, and clientMsgId when a send failed), <c>pong</c>.
/// </summary>
public sealed record ServerFrame(
    string Type,
    string? UserId = null,
    string? DeviceId = null,
    long? Cursor = null,
    IReadOnlyList<ConversationPosition>? Conversations = null,
    string? ClientMsgId = null,
    string? ConversationId = null,
    long? Seq = null,
    DateTimeOffset? SentAt = null,
    string? Kind = null,
    MessageInfo? Message = null,
    UserEvent? UserEvent = null,
    string? Code = null,
    int? Status = null,
    string? Title = null);
