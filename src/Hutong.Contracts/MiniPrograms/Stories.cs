namespace Hutong.Contracts.MiniPrograms;

/// <summary>
/// One of the caller's story drafts in a list: <see cref="AppId"/> is the story's mini-game once it was published.
/// </summary>
public sealed record StoryDraftSummary(string Id, string Title, string Language, long Revision, DateTimeOffset UpdatedAt, string? AppId);

public sealed record StoryDraftList(IReadOnlyList<StoryDraftSummary> Drafts);

/// <summary>
/// A story draft: its Ink <see cref="Source"/>, its <see cref="Images"/> (the name a story uses, to the media id of
/// one of the writer's uploads), and the <see cref="Revision"/> an autosave names to be taken (one more each save).
/// </summary>
public sealed record StoryDraftInfo(
    string Id,
    string Title,
    string Description,
    string Language,
    string Source,
    string? CoverId,
    IReadOnlyDictionary<string, string> Images,
    long Revision,
    DateTimeOffset UpdatedAt,
    string? AppId);

/// <summary>
/// A new draft: blank, or from a template (<see cref="StoryTemplates"/>) in the language (Chinese for a <c>zh</c>
/// tag, English otherwise). Title and language are optional.
/// </summary>
public sealed record CreateStoryDraftRequest(string? Title, string? Language, string? Template);

/// <summary>
/// An autosave: the whole draft as the writer has it, taken only when <see cref="Revision"/> is the draft's current
/// one (another tab saved meanwhile otherwise: 409 <c>story_revision_conflict</c>). A field left null stays as it is.
/// </summary>
public sealed record SaveStoryDraftRequest(
    long Revision,
    string? Title,
    string? Description,
    string? Language,
    string? Source,
    string? CoverId,
    IReadOnlyDictionary<string, string>? Images);

/// <summary>
/// Publishes the draft as saved at <see cref="Revision"/>: <see cref="Compiled"/> is its Ink source compiled by
/// inkjs (the story JSON the player runs).
/// </summary>
public sealed record PublishStoryRequest(long Revision, string? Compiled);

/// <summary>A published story: its mini-game and the version just released.</summary>
public sealed record PublishedStory(MiniProgramInfo App, MiniProgramVersionInfo Version, StoryDraftInfo Draft);

/// <summary>The templates a draft may start from.</summary>
public static class StoryTemplates
{
    /// <summary>"A mystery in three rooms".</summary>
    public const string Mystery = "mystery";

    /// <summary>"Choose your tea".</summary>
    public const string Tea = "tea";
}
