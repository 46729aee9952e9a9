using Hutong.Chat.Media;

namespace Hutong.MiniPrograms.Apps;

/// <summary>A released mini-program's icon is public to everyone signed in: it shows in search, on cards and in Discover.</summary>
internal sealed class IconAudience(IMiniProgramStore apps) : IMediaAudience
{
    public Task<bool> CanSeeAsync(Guid userId, Guid mediaId, CancellationToken cancellationToken) =>
        apps.IsReleasedIconAsync(mediaId, cancellationToken);
}
