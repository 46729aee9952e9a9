namespace EchoBot.Protocol;

/// <summary>Article cards (WeChat takes up to 8 in a passive reply); the first one is shown large.</summary>
internal sealed record NewsReply(IReadOnlyList<Article> Articles) : Reply;
