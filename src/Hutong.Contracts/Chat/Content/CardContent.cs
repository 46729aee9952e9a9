namespace Hutong.Contracts.Chat.Content;

/// <summary>A person's contact card: whose, by user id.</summary>
public sealed record CardContent(string UserId) : MessageContent;
