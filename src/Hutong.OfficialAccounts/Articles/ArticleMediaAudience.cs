using Hutong.Chat.Media;

namespace Hutong.OfficialAccounts.Articles;

/// <summary>The cover and images of a published article are anyone's to see: signed in, through the media API too.</summary>
internal sealed class ArticleMediaAudience(IArticleStore articles) : IMediaAudience
{
    public Task<bool> CanSeeAsync(Guid userId, Guid mediaId, CancellationToken cancellationToken) =>
        articles.IsPublishedMediaAsync(mediaId, cancellationToken);
}
