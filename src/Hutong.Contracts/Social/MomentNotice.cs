namespace Hutong.Contracts.Social;

/// <summary>
/// One of "Moments messages": someone liked or commented on my post, replied to my comment, or reminded me of their
/// post. Only notices from my friends reach me.
/// </summary>
public sealed record MomentNotice(
    string Id,
    string Kind,
    string PostId,
    string ActorId,
    DateTimeOffset At,
    string? CommentId = null,
    string? Text = null);

public static class MomentNoticeKinds
{
    public const string Like = "like";
    public const string Comment = "comment";
    public const string Reply = "reply";
    public const string Remind = "remind";
}

/// <summary>Notices newest first, how many are unread, and the cursor of the next page.</summary>
public sealed record MomentNoticePage(IReadOnlyList<MomentNotice> Notices, int Unread, string? NextCursor);
