using Hutong.Chat.Media;

namespace Hutong.OfficialAccounts.Articles;

/// <summary>
/// The cover and images of a published article are anyone's to see: signed in, through the media API too; those of a
/// draft previewed to a follower, theirs.
/// </summary>
internal sealed class ArticleMediaAudience(IArticleStore articles) : IMediaAudience
{
    public async Task<bool> CanSeeAsync(Guid userId, Guid mediaId, CancellationToken cancellationToken) =>
        await articles.IsPublishedMediaAsync(mediaId, cancellationToken) || await articles.IsPreviewedMediaAsync(mediaId, userId, cancellationToken);
}
