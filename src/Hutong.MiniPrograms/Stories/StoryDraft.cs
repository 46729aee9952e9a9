namespace Hutong.MiniPrograms.Stories;

/// <summary>
/// A person's story in the studio: its Ink <see cref="Source"/>, the images it names (to media ids of the writer's
/// uploads), and <see cref="Revision"/>, which each save moves on by one so that two tabs cannot overwrite each other
/// unawares. <see cref="AppKey"/> is its mini-game once published.
/// </summary>
public sealed record StoryDraft(
    Guid Id,
    Guid OwnerId,
    string Title,
    string Description,
    string Language,
    string Source,
    Guid? CoverId,
    IReadOnlyDictionary<string, Guid> Images,
    long Revision,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    Guid? AppKey);
