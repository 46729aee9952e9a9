using Hutong.Core;

namespace Hutong.Accounts.Identity;

/// <summary>
/// An avatar is one of the person's uploads, served by the media API under the node's own URL and fetched with the
/// viewer's token: never an outside address, which would tell a stranger's server who looks at the person.
/// </summary>
public static class Avatars
{
    public static string Path(Guid mediaId) => "/api/v1/media/" + Ids.Format(mediaId);
}
