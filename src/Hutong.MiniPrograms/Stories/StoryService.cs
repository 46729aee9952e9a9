using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hutong.Chat.Media;
using Hutong.Contracts;
using Hutong.Contracts.MiniPrograms;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.Core.Text;
using Hutong.MiniPrograms.Apps;
using Hutong.MiniPrograms.Packages;
using Hutong.MiniPrograms.Versions;
using Microsoft.Extensions.Options;

namespace Hutong.MiniPrograms.Stories;

/// <summary>
/// The story studio's drafts: each is its writer's alone (to anyone else it does not exist), saved whole by the
/// studio's autosave, which names the revision it saw so that a second tab cannot silently overwrite the first.
/// Publishing makes the draft a mini-game of kind story (the first time) and releases a new version of it at once,
/// after the automatic checks that stand in for an operator's review for stories (<see cref="PublishAsync"/>).
/// </summary>
public sealed partial class StoryService(
    IStoryStore stories, IMiniProgramStore appStore, MiniProgramService apps, IVersionStore versions, PackageStore packages, IMediaStore media,
    IOptions<MiniProgramsOptions> options, TimeProvider clock)
{
    /// <summary>The review note of a story's version, which says it was released by the automatic checks, not by an operator.</summary>
    public const string AutomaticReview = "Released after the automatic checks for stories (size, compiled story, images the writer's own).";

    /// <summary>The inkjs story format versions the player's runtime (inkjs 2.4.0) reads.</summary>
    private const int MinInkVersion = 18;
    private const int MaxInkVersion = 21;

    /// <summary>The cover's name among a version's assets (a story's own image names never start with a dot).</summary>
    private const string CoverName = ".cover";

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

    /// <summary>
    /// Publishes the draft as saved at <paramref name="request"/>'s revision, with the story compiled from it: checks
    /// the compiled story (a size cap, a JSON object of a story format the player reads, images it names that are in
    /// the draft and the writer's own uploads) and the app's title and description; then, in one step, makes the
    /// story's mini-game the first time (or updates its name, description and icon) and releases a new version. A story
    /// an operator took down sends its new version to review instead (its state <c>review</c>); approval releases it.
    /// </summary>
    public async Task<Result<PublishedStory>> PublishAsync(Guid me, string draftId, PublishStoryRequest request, CancellationToken cancellationToken)
    {
        if (await OwnAsync(me, draftId, cancellationToken) is not { } draft)
        {
            return NotFound;
        }

        if (request.Revision != draft.Revision)
        {
            return Conflict(draft);
        }

        var errors = new FieldErrors();
        if (draft.Title.Length < 2)
        {
            errors.Add("title", $"A published story's title is 2 to {Limits.MaxName} characters.");
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        var compiled = CheckCompiled(request.Compiled);
        if (!compiled.IsSuccess)
        {
            return compiled.Error;
        }

        var (json, images, endings) = compiled.Value;
        var assets = new Dictionary<string, string>(StringComparer.Ordinal);
        long size = Encoding.UTF8.GetByteCount(json);
        foreach (var name in images)
        {
            if (!draft.Images.TryGetValue(name, out var mediaId)
                || await media.FindAsync(mediaId, cancellationToken) is not { IsImage: true } image || image.UploaderId != me)
            {
                return Invalid($"The story shows an image named “{name}”, which is not one of the story's images: add it in the studio, or change the tag.");
            }

            assets[name] = image.Sha256;
            size += image.Size;
        }

        Guid? cover = null;
        if (draft.CoverId is { } coverId && await media.FindAsync(coverId, cancellationToken) is { IsImage: true } coverImage && coverImage.UploaderId == me)
        {
            cover = coverId;
            assets[CoverName] = coverImage.Sha256;
        }

        var app = draft.AppKey is { } key ? await appStore.FindAsync(key, cancellationToken) : null;
        if (app is null)
        {
            var created = await apps.CreateStoryAsync(me, draft.Title, draft.Description, cover, cancellationToken);
            if (!created.IsSuccess)
            {
                return created.Error;
            }

            app = created.Value;
            await stories.SetAppAsync(draft.Id, app.Id, cancellationToken);
        }
        else
        {
            await apps.UpdateStoryAsync(app, draft.Title, draft.Description, cover, cancellationToken);
            app = app with { Name = draft.Title, Description = draft.Description, IconId = cover };
        }

        var code = new VersionCode(
            await packages.KeepAsync(Encoding.UTF8.GetBytes(draft.Source), cancellationToken),
            await packages.KeepAsync(Encoding.UTF8.GetBytes(json), cancellationToken),
            "",
            "",
            assets);
        var config = JsonSerializer.Serialize(new StoryConfig(draft.Title, draft.Language, cover is null ? null : CoverName, endings), StoryJson.Default.StoryConfig);
        var now = clock.GetUtcNow();

        // Only a take-down rejects a story's version: once taken down, a story no longer skips the operators, or
        // publishing again would undo their decision. Its next version waits for review, and approval releases it.
        var reviewed = (await versions.ListAsync(app.Id, 200, cancellationToken)).Any(v => v.State == MiniProgramVersionStates.Rejected);
        if (reviewed && await versions.InStateAsync(app.Id, MiniProgramVersionStates.Review, cancellationToken) is not null)
        {
            return Error.Conflict(ErrorCodes.ReviewPending, "The story's last version is still waiting for review.", "Publish again once it is reviewed.");
        }

        AppVersion? version = null;
        for (var number = await NextNumberAsync(app.Id, cancellationToken); version is null; number++)
        {
            // The number is taken only by a publish of the same story at the same moment: the next one is free.
            version = await versions.AddOrReplaceAsync(
                reviewed
                    ? new AppVersion(
                        Ids.New(clock), app.Id, number.ToString(CultureInfo.InvariantCulture), "", MiniProgramVersionStates.Review, me, now, size, [], config, code,
                        SubmittedAt: now)
                    : new AppVersion(
                        Ids.New(clock), app.Id, number.ToString(CultureInfo.InvariantCulture), "", MiniProgramVersionStates.Approved, me, now, size, [], config, code,
                        AutomaticReview, now, now),
                cancellationToken);
        }

        if (!reviewed && !await versions.ReleaseAsync(app.Id, version.Id, now, cancellationToken))
        {
            return Error.Conflict(ErrorCodes.VersionStateConflict, "The story was published from somewhere else at the same moment.", "Publish again.");
        }

        var released = (await versions.FindAsync(version.Id, cancellationToken))!;
        var info = await apps.OwnInfoAsync((await appStore.FindAsync(app.Id, cancellationToken))!, cancellationToken);
        return new PublishedStory(info, VersionService.Info(released), await InfoAsync(draft with { AppKey = app.Id }, cancellationToken));
    }

    /// <summary>
    /// The compiled story's checks: at most <see cref="MiniProgramsOptions.MaxStoryJsonBytes"/>, a JSON object with an
    /// <c>inkVersion</c> the player reads and a <c>root</c> array; the answer is the JSON with the image and ending
    /// names its tags give (<c># image: name</c>, <c># ending: Name</c>).
    /// </summary>
    private Result<(string Json, IReadOnlyList<string> Images, IReadOnlyList<string> Endings)> CheckCompiled(string? compiled)
    {
        if (string.IsNullOrEmpty(compiled))
        {
            var errors = new FieldErrors();
            errors.Add("compiled", "compiled is the story compiled by inkjs.");
            return errors.ToError();
        }

        if (Encoding.UTF8.GetByteCount(compiled) > Limits.MaxStoryJsonBytes)
        {
            return Invalid($"The compiled story is over {Limits.MaxStoryJsonBytes / (1024 * 1024)} MB.");
        }

        try
        {
            using var document = JsonDocument.Parse(compiled, new JsonDocumentOptions { MaxDepth = 256 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("inkVersion", out var version) || version.ValueKind != JsonValueKind.Number
                || !version.TryGetInt32(out var number) || number < MinInkVersion || number > MaxInkVersion
                || !root.TryGetProperty("root", out var content) || content.ValueKind != JsonValueKind.Array)
            {
                return Invalid($"This is not a story compiled by inkjs: a JSON object with an inkVersion from {MinInkVersion} to {MaxInkVersion} and a root.");
            }

            var images = new List<string>();
            var endings = new List<string>();
            foreach (var tag in StoryTags.Of(content))
            {
                if (StoryTags.Named(tag, "image") is { } image && !images.Contains(image))
                {
                    images.Add(image);
                }
                else if (StoryTags.Named(tag, "ending") is { } ending && !endings.Contains(ending))
                {
                    endings.Add(ending);
                }
            }

            if (images.Count > Limits.MaxStoryImages)
            {
                return Invalid($"A story shows at most {Limits.MaxStoryImages} images.");
            }

            return (compiled, images, endings);
        }
        catch (JsonException)
        {
            return Invalid("The compiled story is not JSON.");
        }
    }

    /// <summary>One past the highest version number the story has (its versions are numbered 1, 2, 3...).</summary>
    private async Task<int> NextNumberAsync(Guid appKey, CancellationToken cancellationToken) =>
        (await versions.ListAsync(appKey, 1, cancellationToken)).Select(v => int.TryParse(v.Version, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0).Max() + 1;

    private static Error Invalid(string detail) => new(ErrorCodes.StoryInvalid, 422, "The story cannot be published as it is.", detail);

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
                errors.Add($"images[{name}]", "An image's name is 1 to 64 letters, digits, '-', '_' or '.', not starting with '-' or '.'.");
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

    [GeneratedRegex(@"^[\p{L}\p{N}_][\p{L}\p{N}_.\-]{0,63}$")]
    private static partial Regex ImageName();

    [GeneratedRegex(@"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,4}$")]
    private static partial Regex LanguageTag();
}
