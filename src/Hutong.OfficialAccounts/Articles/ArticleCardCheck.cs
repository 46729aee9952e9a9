using Hutong.Contracts.Social;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.Social.Moments;

namespace Hutong.OfficialAccounts.Articles;

/// <summary>A Moments post may carry a published article; the card is filled from the article, whatever the author sent.</summary>
internal sealed class ArticleCardCheck(ArticleService articles) : IPostCardCheck
{
    public Type CardType => typeof(ArticleCard);

    public async Task<PostCard?> CheckAsync(Guid authorId, PostCard card, FieldErrors errors, CancellationToken cancellationToken)
    {
        var named = (ArticleCard)card;
        if (!Ids.TryParse(named.ArticleId, out var id) || await articles.ReadableAsync(id, cancellationToken) is not { } found)
        {
            errors.Add("card.articleId", "The card names no published article.");
            return null;
        }

        var article = found.Article;
        return new ArticleCard(Ids.Format(article.Id), Ids.Format(article.AccountId), article.Title, article.Digest, ArticleService.CoverUrl(article));
    }
}
