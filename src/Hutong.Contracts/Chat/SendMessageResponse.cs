namespace Hutong.Contracts.Chat;

/// <summary>The message is durable with this seq.</summary>
public sealed record SendMessageResponse(long Seq, DateTimeOffset SentAt);
