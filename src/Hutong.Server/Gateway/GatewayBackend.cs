using Hutong.Accounts.Sessions;
using Hutong.Chat;
using Hutong.Chat.Conversations;
using Hutong.Chat.Messages;
using Hutong.Realtime.Log;

namespace Hutong.Server.Gateway;

/// <summary>
/// What a connection asks of the node: who a token belongs to, the same send path as HTTP (its checks, its limit, its
/// errors), and what a resume reads. All singletons, so a connection holds no scope for its lifetime.
/// </summary>
internal sealed record GatewayBackend(
    SessionService Sessions, ChatService Chat, IConversationStore Conversations, IMessageStore Messages, IEventLogStore Events);
