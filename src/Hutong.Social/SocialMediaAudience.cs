using Hutong.Chat.Media;
using Hutong.Social.Moments;
using Hutong.Social.Status;

namespace Hutong.Social;

/// <summary>An upload shown in a post or a status may be fetched by whoever may see that post or status now.</summary>
internal sealed class SocialMediaAudience(IMomentsStore moments, MomentsService posts, StatusService statuses) : IMediaAudience
{
    public async Task<bool> CanSeeAsync(Guid userId, Guid mediaId, CancellationToken cancellationToken)
    {
        foreach (var post in await moments.PostsWithMediaAsync(mediaId, cancellationToken))
        {
            if (await posts.SeesAsync(userId, post, cancellationToken))
            {
                return true;
            }
        }

        return await statuses.CanSeeMediaAsync(userId, mediaId, cancellationToken);
    }
}
