using Hutong.Chat;
using Hutong.Chat.Messages.Content;
using Hutong.Contracts.Chat.Content;
using Hutong.Core;
using Hutong.Core.Errors;

namespace Hutong.OfficialAccounts.Articles;

/// <summary>
/// Anyone may share a published article into a chat: the message names the article, and its account, title, digest
/// and cover come from the article itself, whatever the device sent. A draft or an unknown article is
/// <c>article_not_found</c>.
/// </summary>
internal sealed class ArticleContentHandler(ArticleService articles) : ContentHandler<ArticleContent>
{
    protected override ArticleContent Check(ArticleContent content, ChatOptions limits, FieldErrors errors)
    {
        if (Ids.TryParse(content.ArticleId, out var id))
        {
            return content with { ArticleId = Ids.Format(id) };
        }

        errors.Add("articleId", "An article card names the article by its id.");
        return content;
    }

    protected override async Task<Result<ArticleContent>> ResolveAsync(Guid senderId, ArticleContent content, CancellationToken cancellationToken)
    {
        if (await articles.ReadableAsync(Guid.Parse(content.ArticleId), cancellationToken) is not { } found)
        {
            return ArticleService.NotFound;
        }

        var article = found.Article;
        return new ArticleContent(Ids.Format(article.AccountId), Ids.Format(article.Id), article.Title, article.Digest, ArticleService.CoverUrl(article));
    }
}
