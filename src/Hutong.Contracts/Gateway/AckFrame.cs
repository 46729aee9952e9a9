namespace Hutong.Contracts.Gateway;

/// <summary>A sent message is durable at <see cref="Seq"/>.</summary>
public sealed record AckFrame(string ClientMsgId, string ConversationId, long Seq, DateTimeOffset SentAt) : ServerFrame;
