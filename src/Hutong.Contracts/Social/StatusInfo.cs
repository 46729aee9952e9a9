namespace Hutong.Contracts.Social;

/// <summary>
/// A new status: text, an image or a short video (an upload of the author), with an optional mood and place. It is
/// gone 24 hours after it is posted. <see cref="ClientId"/> makes a resend return the first one.
/// </summary>
public sealed record PostStatusRequest(string ClientId, string? Text = null, string? MediaId = null, string? Mood = null, PlaceInfo? Location = null);

/// <summary>
/// A status as the asker may see it. <see cref="Seen"/> is the asker's own mark (never told to the author);
/// <see cref="Reactions"/> are told to the author alone.
/// </summary>
public sealed record StatusInfo(
    string Id,
    string AuthorId,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    string? Text,
    PostMedia? Media,
    string? Mood,
    PlaceInfo? Location,
    bool Seen,
    IReadOnlyList<StatusReaction>? Reactions);

/// <summary>Someone's reaction to a status (an emoji), for its author's eyes only.</summary>
public sealed record StatusReaction(string UserId, string Reaction, DateTimeOffset At);

public sealed record ReactToStatusRequest(string Reaction);

/// <summary>A person's live statuses, oldest first, and whether the asker has seen them all.</summary>
public sealed record PersonStatuses(string UserId, IReadOnlyList<StatusInfo> Statuses, bool AllSeen);

/// <summary>My own statuses and my friends', people with something unseen first.</summary>
public sealed record StatusBoard(PersonStatuses? Mine, IReadOnlyList<PersonStatuses> Friends);
