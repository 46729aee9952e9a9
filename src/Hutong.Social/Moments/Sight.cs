namespace Hutong.Social.Moments;

/// <summary>
/// What decides whether a viewer sees an author's posts, read fresh on every read: the friendship both ways, blocks
/// either way, the tags the author gave the viewer, and the author's range setting.
/// </summary>
public sealed record Sight(
    bool Friends,
    bool Blocked,
    bool ChatOnly,
    bool Hidden,
    IReadOnlyList<string> Tags,
    string Range)
{
    /// <summary>A stranger's view: nothing.</summary>
    public static Sight None { get; } = new(false, false, false, false, [], Contracts.Social.MomentsRanges.All);
}
