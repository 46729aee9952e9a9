namespace Hutong.Contracts.Chat;

/// <summary>Messages in ascending order of <c>seq</c>.</summary>
public sealed record MessageList(IReadOnlyList<MessageInfo> Messages);
