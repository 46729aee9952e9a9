namespace Hutong.OfficialAccounts.Protocol;

/// <summary>Article cards, one to <see cref="ReplyXml.MaxArticles"/>.</summary>
internal sealed record NewsReply(DateTimeOffset CreateTime, IReadOnlyList<NewsArticle> Articles) : PassiveReply(CreateTime);
