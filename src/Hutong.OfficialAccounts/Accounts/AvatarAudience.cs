using Hutong.Chat.Media;

namespace Hutong.OfficialAccounts.Accounts;

/// <summary>An active account's avatar is public to everyone signed in: it shows in search, on profiles and in chat lists.</summary>
internal sealed class AvatarAudience(IOfficialAccountStore accounts) : IMediaAudience
{
    public Task<bool> CanSeeAsync(Guid userId, Guid mediaId, CancellationToken cancellationToken) =>
        accounts.IsActiveAvatarAsync(mediaId, cancellationToken);
}
