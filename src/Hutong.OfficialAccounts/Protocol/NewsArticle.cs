namespace Hutong.OfficialAccounts.Protocol;

/// <summary>One card of a news reply; only the title is required to show it, the rest is empty when left out.</summary>
internal sealed record NewsArticle(string Title, string Description, string PicUrl, string Url);
