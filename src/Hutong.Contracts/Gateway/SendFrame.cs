using Hutong.Contracts.Chat;

namespace Hutong.Contracts.Gateway;

/// <summary>Sends a message: the same request as <c>POST /api/v1/conversations/{id}/messages</c>, answered by <c>ack</c> or <c>error</c>.</summary>
public sealed record SendFrame(string ConversationId, SendMessageRequest Message) : ClientFrame;
