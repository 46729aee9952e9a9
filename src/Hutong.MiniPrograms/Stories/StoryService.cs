using System.Text;
using System.Text.RegularExpressions;
using Hutong.Chat.Media;
using Hutong.Contracts;
using Hutong.Contracts.MiniPrograms;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.Core.Text;
using Hutong.MiniPrograms.Apps;
using Microsoft.Extensions.Options;

namespace Hutong.MiniPrograms.Stories;

/// <summary>
/// The story studio's drafts: each is its writer's alone (to anyone else it does not exist), saved whole by the
/// studio's autosave, which names the revision it saw so that a second tab cannot silently overwrite the first.
/// </summary>
public sealed partial class StoryService(
    IStoryStore stories, IMiniProgramStore appStore, IMediaStore media, IOptions<MiniProgramsOptions> options, TimeProvider clock)
{
    public static readonly Error NotFound = Error.NotFound(ErrorCodes.StoryNotFound, "No such story.");

    private MiniProgramsOptions Limits => options.Value;

    public async Task<StoryDraftList> ListAsync(Guid me, CancellationToken cancellationToken)
    {
        var drafts = await stories.ListAsync(me, cancellationToken);
        var summaries = new List<StoryDraftSummary>(drafts.Count);
        foreach (var d in drafts)
        {
            summaries.Add(new StoryDraftSummary(Ids.Format(d.Id), d.Title, d.Language, d.Revision, d.UpdatedAt, await AppIdAsync(d, cancellationToken)));
        }

        return new StoryDraftList(summaries);
    }

    public async Task<Result<StoryDraftInfo>> CreateAsync(Guid me, CreateStoryDraftRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var language = Language(errors, request.Language) ?? "en";
        if (request.Template is { } template && !StoryTemplateTexts.Exists(template))
        {
            errors.Add("template", $"template is {StoryTemplates.Mystery}, {StoryTemplates.Tea} or absent (a blank story).");
        }

        var (templateTitle, source) = errors.Any ? ("", "") : StoryTemplateTexts.For(request.Template, language);
        var title = request.Title is null ? templateTitle : Title(errors, request.Title);
        if (errors.Any)
        {
            return errors.ToError();
        }

        var now = clock.GetUtcNow();
        var draft = new StoryDraft(Ids.New(clock), me, title, "", language, source, null, new Dictionary<string, Guid>(), 1, now, now, null);
        return await stories.TryAddAsync(draft, Limits.MaxStoryDrafts, cancellationToken)
            ? await InfoAsync(draft, cancellationToken)
            : Error.Conflict(ErrorCodes.TooManyStories, "You have as many stories as one person may.", $"Delete one first: a person may keep {Limits.MaxStoryDrafts}.");
    }

    public async Task<Result<StoryDraftInfo>> GetAsync(Guid me, string draftId, CancellationToken cancellationToken) =>
        await OwnAsync(me, draftId, cancellationToken) is { } draft ? await InfoAsync(draft, cancellationToken) : NotFound;

    /// <summary>An autosave: taken only over the revision the writer saw.</summary>
    public async Task<Result<StoryDraftInfo>> SaveAsync(Guid me, string draftId, SaveStoryDraftRequest request, CancellationToken cancellationToken)
    {
        if (await OwnAsync(me, draftId, cancellationToken) is not { } draft)
        {
            return NotFound;
        }

        var errors = new FieldErrors();
        var title = request.Title is null ? draft.Title : Title(errors, request.Title);
        var description = request.Description is null ? draft.Description : Description(errors, request.Description);
        var language = Language(errors, request.Language) ?? draft.Language;
        var source = request.Source ?? draft.Source;
        if (Encoding.UTF8.GetByteCount(source) > Limits.MaxStorySourceBytes)
        {
            errors.Add("source", $"A story is at most {Limits.MaxStorySourceBytes / 1024} KB of text.");
        }

        var cover = draft.CoverId;
        if (request.CoverId is not null)
        {
            cover = request.CoverId.Length == 0 ? null : await OwnImageAsync(me, request.CoverId, cancellationToken);
            if (request.CoverId.Length > 0 && cover is null)
            {
                errors.Add("coverId", "The cover is an image you uploaded.");
            }
        }

        var images = request.Images is null ? draft.Images : await ImagesAsync(me, errors, request.Images, cancellationToken);
        if (errors.Any)
        {
            return errors.ToError();
        }

        var saved = await stories.SaveAsync(
            draft with { Title = title, Description = description, Language = language, Source = source, CoverId = cover, Images = images, UpdatedAt = clock.GetUtcNow() },
            request.Revision,
            cancellationToken);
        return saved is null ? Conflict(await stories.FindAsync(draft.Id, cancellationToken)) : await InfoAsync(saved, cancellationToken);
    }

    public async Task<Result<Done>> DeleteAsync(Guid me, string draftId, CancellationToken cancellationToken) =>
        Ids.TryParse(draftId, out var id) && await stories.DeleteAsync(id, me, cancellationToken) ? Done.Value : NotFound;

    /// <summary>The caller's draft by its id; another person's is as good as none.</summary>
    private async Task<StoryDraft?> OwnAsync(Guid me, string draftId, CancellationToken cancellationToken) =>
        Ids.TryParse(draftId, out var id) && await stories.FindAsync(id, cancellationToken) is { } draft && draft.OwnerId == me ? draft : null;

    private static Error Conflict(StoryDraft? now) => Error.Conflict(
        ErrorCodes.StoryRevisionConflict,
        "The story was saved meanwhile, in another tab or on another device.",
        now is null ? "It was deleted." : $"It is at revision {now.Revision} now: load it again to go on from there.");

    private async Task<Guid?> OwnImageAsync(Guid me, string mediaId, CancellationToken cancellationToken) =>
        Ids.TryParse(mediaId, out var id) && await media.FindAsync(id, cancellationToken) is { IsImage: true } found && found.UploaderId == me ? id : null;

    private async Task<Dictionary<string, Guid>> ImagesAsync(Guid me, FieldErrors errors, IReadOnlyDictionary<string, string> images, CancellationToken cancellationToken)
    {
        var kept = new Dictionary<string, Guid>(StringComparer.Ordinal);
        if (images.Count > Limits.MaxStoryImages)
        {
            errors.Add("images", $"A story names at most {Limits.MaxStoryImages} images.");
            return kept;
        }

        foreach (var (name, mediaId) in images)
        {
            if (!ImageName().IsMatch(name))
            {
                errors.Add($"images[{name}]", "An image's name is 1 to 64 letters, digits, '-', '_' or '.'.");
            }
            else if (await OwnImageAsync(me, mediaId ?? "", cancellationToken) is { } id)
            {
                kept[name] = id;
            }
            else
            {
                errors.Add($"images[{name}]", "Each image is one you uploaded.");
            }
        }

        return kept;
    }

    private string Title(FieldErrors errors, string? text)
    {
        var title = NameText.Clean(text);
        if (title.Length == 0 || NameText.IsBlank(title) || title.Length > Limits.MaxName)
        {
            errors.Add("title", $"title is 1 to {Limits.MaxName} characters.");
        }

        return title;
    }

    private string Description(FieldErrors errors, string? text)
    {
        var description = NameText.Clean(text);
        if (description.Length > Limits.MaxDescription)
        {
            errors.Add("description", $"description is at most {Limits.MaxDescription} characters.");
        }

        return description;
    }

    /// <summary>A language tag as BCP 47 writes them (en, zh-Hans, pt-BR), or null when none was given.</summary>
    private static string? Language(FieldErrors errors, string? tag)
    {
        if (tag is null)
        {
            return null;
        }

        if (!LanguageTag().IsMatch(tag))
        {
            errors.Add("language", "language is a language tag, as en, zh or zh-Hant.");
        }

        return tag;
    }

    private async Task<string?> AppIdAsync(StoryDraft draft, CancellationToken cancellationToken) =>
        draft.AppKey is { } key ? (await appStore.FindAsync(key, cancellationToken))?.AppId : null;

    private async Task<StoryDraftInfo> InfoAsync(StoryDraft d, CancellationToken cancellationToken) => new(
        Ids.Format(d.Id),
        d.Title,
        d.Description,
        d.Language,
        d.Source,
        d.CoverId is { } cover ? Ids.Format(cover) : null,
        d.Images.ToDictionary(i => i.Key, i => Ids.Format(i.Value), StringComparer.Ordinal),
        d.Revision,
        d.UpdatedAt,
        await AppIdAsync(d, cancellationToken));

    [GeneratedRegex(@"^[\p{L}\p{N}_.\-]{1,64}$")]
    private static partial Regex ImageName();

    [GeneratedRegex(@"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,4}$")]
    private static partial Regex LanguageTag();
}
