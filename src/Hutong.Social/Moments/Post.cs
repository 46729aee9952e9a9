using Hutong.Contracts.Social;

namespace Hutong.Social.Moments;

/// <summary>
/// A Moments post as stored: written once, read by everyone it may reach. Its audience is kept as the author chose it
/// (tags by name), so who carries a tag is decided when the post is read.
/// </summary>
public sealed record Post(
    Guid Id,
    Guid AuthorId,
    string ClientId,
    DateTimeOffset CreatedAt,
    string? Text,
    IReadOnlyList<PostMedia> Media,
    PlaceInfo? Location,
    PostCard? Card,
    Audience Audience,
    IReadOnlyList<Guid> RemindIds)
{
    /// <summary>Storage's order of posts (0 until stored): timelines and albums page by it, newest first.</summary>
    public long Seq { get; init; }
}

/// <summary>A post's audience: its kind (<see cref="PostAudienceKinds"/>), and the tags and people of its list.</summary>
public sealed record Audience(string Kind, IReadOnlyList<string> Tags, IReadOnlyList<Guid> People)
{
    public static Audience Everyone { get; } = new(PostAudienceKinds.Public, [], []);

    /// <summary>
    /// Who a post goes to at all, as far as can be known when it is written: the people of a share-with list without
    /// tags, nobody for a private post, every friend otherwise (a tag or a setting may change later; reads decide).
    /// </summary>
    public IReadOnlyCollection<Guid>? FixedReach => Kind switch
    {
        PostAudienceKinds.Private => [],
        PostAudienceKinds.ShareWith when Tags.Count == 0 => People,
        _ => null,
    };
}
