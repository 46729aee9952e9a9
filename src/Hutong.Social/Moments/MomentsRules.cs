using Hutong.Contracts.Social;

namespace Hutong.Social.Moments;

/// <summary>
/// Who sees which post, decided on every read from the post and the <see cref="Sight"/> between author and viewer
/// (docs/product.md, Moments): never stored, so a change of friendship, tag, block or setting applies at once, also to
/// posts already in timelines.
/// </summary>
public static class MomentsRules
{
    /// <summary>
    /// Whether <paramref name="viewer"/> sees <paramref name="post"/>. In the timeline, "hide their Moments" hides the
    /// author's posts too; on the author's album page it does not (the viewer went looking).
    /// </summary>
    public static bool CanSee(Post post, Guid viewer, Sight sight, DateTimeOffset now, bool inTimeline)
    {
        if (viewer == post.AuthorId)
        {
            return true;
        }

        if (!sight.Friends || sight.Blocked || sight.ChatOnly || (inTimeline && sight.Hidden))
        {
            return false;
        }

        if (RangeStart(sight.Range, now) is { } start && post.CreatedAt < start)
        {
            return false;
        }

        var audience = post.Audience;
        return audience.Kind switch
        {
            PostAudienceKinds.Public => true,
            PostAudienceKinds.ShareWith => Named(audience, viewer, sight),
            PostAudienceKinds.DontShareWith => !Named(audience, viewer, sight),
            _ => false,
        };
    }

    /// <summary>The oldest post a friend may see under a range setting, or null for all of them.</summary>
    public static DateTimeOffset? RangeStart(string range, DateTimeOffset now) => range switch
    {
        MomentsRanges.SixMonths => now.AddMonths(-6),
        MomentsRanges.Month => now.AddMonths(-1),
        MomentsRanges.ThreeDays => now.AddDays(-3),
        _ => null,
    };

    private static bool Named(Audience audience, Guid viewer, Sight sight) =>
        audience.People.Contains(viewer) || audience.Tags.Any(t => sight.Tags.Contains(t, StringComparer.Ordinal));
}
