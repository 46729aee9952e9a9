namespace Hutong.Contracts.Chat.Content;

/// <summary>
/// An official account's news: 1 to 8 items, each a title, a description, a picture and a link (an article of the
/// account's, or a page of its developer's from a passive reply). The first item shows large.
/// </summary>
public sealed record NewsContent(IReadOnlyList<NewsItem> Items) : MessageContent
{
    public override string? SearchText() => string.Join('\n', Items.Select(i => i.Title));

    public override bool Recallable() => false;
}

public sealed record NewsItem(string Title, string? Description, string? PictureUrl, string? Url, string? ArticleId = null);
