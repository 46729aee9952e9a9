namespace Hutong.Contracts.Chat.Content;

/// <summary>
/// An official account's published article shared into a chat. A device names the article; the node fills the rest
/// from the article itself, whatever the device said. <see cref="CoverUrl"/> is <c>/api/v1/media/{id}</c>, which
/// any signed-in person may fetch for a published article; the article's page is <c>/a/{ArticleId}</c>.
/// </summary>
public sealed record ArticleContent(string AccountId, string ArticleId, string Title, string? Digest = null, string? CoverUrl = null) : MessageContent
{
    public override string? SearchText() => Title;
}
