using Hutong.Contracts.Chat.Content;

namespace Hutong.Chat.Messages;

/// <summary>
/// A message at its place in a conversation's sequence. <see cref="Content"/> is null once it is recalled. It never
/// crosses a grain call (sends travel as <see cref="SendCommand"/>), so it carries the wire's content records as they are.
/// </summary>
public sealed record ChatMessage(
    Guid ConversationId,
    long Seq,
    Guid SenderId,
    MessageContent? Content,
    long? ReplyToSeq,
    DateTimeOffset SentAt,
    string? ClientMsgId,
    DateTimeOffset? RecalledAt = null);
