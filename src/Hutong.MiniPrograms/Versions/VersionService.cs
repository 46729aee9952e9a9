using Hutong.Accounts.Identity;
using Hutong.Contracts;
using Hutong.Contracts.MiniPrograms;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.Core.Text;
using Hutong.MiniPrograms.Apps;
using Hutong.MiniPrograms.Packages;
using Microsoft.Extensions.Options;
using States = Hutong.Contracts.MiniPrograms.MiniProgramVersionStates;

namespace Hutong.MiniPrograms.Versions;

/// <summary>
/// A mini-program's versions: upload (validated and compiled, <see cref="PackageStore"/>), trial, review by an
/// operator, release and roll back. The developer and collaborators move versions; operators review them.
/// </summary>
public sealed class VersionService(
    MiniProgramService apps, IVersionStore versions, IMiniProgramStore appStore, PackageStore packages, Operators operators,
    IOptions<MiniProgramsOptions> options, TimeProvider clock)
{
    public static readonly Error NotFound = Error.NotFound(ErrorCodes.VersionNotFound, "The mini-program has no such version.");


    private const int MaxVersionNumber = 32;

    private MiniProgramsOptions Limits => options.Value;

    /// <summary>
    /// Stores a package under a version number, in development. The same number again replaces it while it is still
    /// in development (so <c>hutong mp dev</c> re-uploads in place); past that, the number is taken.
    /// </summary>
    public async Task<Result<MiniProgramVersionInfo>> UploadAsync(
        Guid me, string appId, string? version, string? note, Stream package, CancellationToken cancellationToken)
    {
        var maintained = await apps.MaintainedAsync(me, appId, cancellationToken);
        if (!maintained.IsSuccess)
        {
            return maintained.Error;
        }

        var errors = new FieldErrors();
        var number = version?.Trim() ?? "";
        if (number.Length is 0 or > MaxVersionNumber || !char.IsAsciiLetterOrDigit(number[0]) || !number.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '+'))
        {
            errors.Add("version", $"version is 1 to {MaxVersionNumber} letters, digits, '.', '-' or '+', as 1.0.3 or 2.0.0-beta.1.");
        }

        var text = NameText.Clean(note);
        if (text.Length > Limits.MaxVersionNote)
        {
            errors.Add("note", $"note is at most {Limits.MaxVersionNote} characters.");
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        var app = maintained.Value.App;
        if (app.Kind == MiniProgramKinds.Story)
        {
            return Error.Conflict(ErrorCodes.VersionStateConflict, "A story is published from the story studio.", "Stories have no packages to upload.");
        }

        var built = await packages.BuildAsync(app.Kind, package, cancellationToken);
        if (!built.IsSuccess)
        {
            return built.Error;
        }

        var (code, size, pages, config) = built.Value;
        var stored = await versions.AddOrReplaceAsync(
            new AppVersion(Ids.New(clock), app.Id, number, text, States.Develop, me, clock.GetUtcNow(), size, pages, config, code), cancellationToken);
        return stored is null
            ? Error.Conflict(ErrorCodes.VersionExists, "That version number is taken.", $"Version {number} is past development: upload under a new number.")
            : Info(stored);
    }

    public async Task<Result<MiniProgramVersionList>> ListAsync(Guid me, string appId, CancellationToken cancellationToken)
    {
        var maintained = await apps.MaintainedAsync(me, appId, cancellationToken);
        return maintained.IsSuccess
            ? new MiniProgramVersionList([.. (await versions.ListAsync(maintained.Value.App.Id, 200, cancellationToken)).Select(Info)])
            : maintained.Error;
    }

    /// <summary>Makes a version in development the trial version, which testers open.</summary>
    public Task<Result<MiniProgramVersionInfo>> TrialAsync(Guid me, string appId, string versionId, CancellationToken cancellationToken) =>
        ActAsync(me, appId, versionId, async (app, version) =>
            version.State == States.Trial || (version.State == States.Develop && await versions.MakeTrialAsync(app.Id, version.Id, cancellationToken))
                ? Ok
                : StateConflict(version, "Only a version in development becomes the trial version."), cancellationToken);

    /// <summary>Sends a version for review; one version of a mini-program is in review at a time.</summary>
    public Task<Result<MiniProgramVersionInfo>> SubmitAsync(Guid me, string appId, string versionId, CancellationToken cancellationToken) =>
        ActAsync(me, appId, versionId, async (app, version) =>
        {
            if (version.State == States.Review)
            {
                return Ok;
            }

            if (version.State is not (States.Develop or States.Trial or States.Rejected))
            {
                return StateConflict(version, "Only a version in development, on trial or rejected goes to review.");
            }

            if (await versions.MoveAsync(version.Id, [version.State], States.Review, null, clock.GetUtcNow(), cancellationToken))
            {
                return Ok;
            }

            return await versions.InStateAsync(app.Id, States.Review, cancellationToken) is { } waiting && waiting.Id != version.Id
                ? Error.Conflict(ErrorCodes.ReviewPending, "Another version is in review.", $"Version {waiting.Version} is in review: withdraw it or wait for the decision.")
                : StateConflict(version, "The version changed meanwhile.");
        }, cancellationToken);

    /// <summary>Takes a version out of review, back into development.</summary>
    public Task<Result<MiniProgramVersionInfo>> WithdrawAsync(Guid me, string appId, string versionId, CancellationToken cancellationToken) =>
        ActAsync(me, appId, versionId, async (_, version) =>
            version.State == States.Review && await versions.MoveAsync(version.Id, [States.Review], States.Develop, null, clock.GetUtcNow(), cancellationToken)
                ? Ok
                : StateConflict(version, "Only a version in review can be withdrawn."), cancellationToken);

    /// <summary>Releases an approved version: from now on it is the one everybody opens.</summary>
    public Task<Result<MiniProgramVersionInfo>> ReleaseAsync(Guid me, string appId, string versionId, CancellationToken cancellationToken) =>
        ActAsync(me, appId, versionId, async (app, version) =>
            version.State == States.Released || (version.State == States.Approved && await versions.ReleaseAsync(app.Id, version.Id, clock.GetUtcNow(), cancellationToken))
                ? Ok
                : StateConflict(version, "Only an approved version can be released."), cancellationToken);

    /// <summary>Releases the version before the current one again (the current one goes back to approved).</summary>
    public async Task<Result<MiniProgramVersionInfo>> RollBackAsync(Guid me, string appId, CancellationToken cancellationToken)
    {
        var maintained = await apps.MaintainedAsync(me, appId, cancellationToken);
        if (!maintained.IsSuccess)
        {
            return maintained.Error;
        }

        var released = await versions.RollBackAsync(maintained.Value.App.Id, clock.GetUtcNow(), cancellationToken);
        return released is { } id && await versions.FindAsync(id, cancellationToken) is { } version
            ? Info(version)
            : Error.Conflict(ErrorCodes.VersionStateConflict, "There is no earlier release to roll back to.");
    }

    public async Task<Result<VersionsInReview>> ReviewQueueAsync(Guid me, CancellationToken cancellationToken)
    {
        if (!await operators.IsOperatorAsync(me, cancellationToken))
        {
            return Operators.NotOperator;
        }

        var waiting = new List<VersionForReview>();
        foreach (var version in await versions.InReviewAsync(200, cancellationToken))
        {
            if (await appStore.FindAsync(version.AppKey, cancellationToken) is { } app)
            {
                waiting.Add(new VersionForReview(MiniProgramService.Info(app, null, null), Info(version), version.SubmittedAt ?? version.UploadedAt));
            }
        }

        return new VersionsInReview(waiting);
    }

    /// <summary>An operator's decision on a version in review; deciding again the same way changes nothing.</summary>
    public async Task<Result<MiniProgramVersionInfo>> ReviewAsync(Guid me, string versionId, bool approve, string? reason, CancellationToken cancellationToken)
    {
        if (!await operators.IsOperatorAsync(me, cancellationToken))
        {
            return Operators.NotOperator;
        }

        var note = NameText.Clean(reason);
        if (!approve && (note.Length == 0 || note.Length > Limits.MaxReviewReason))
        {
            var errors = new FieldErrors();
            errors.Add("reason", $"Say why, for the developer, in at most {Limits.MaxReviewReason} characters.");
            return errors.ToError();
        }

        if (!Ids.TryParse(versionId, out var id) || await versions.FindAsync(id, cancellationToken) is not { } version)
        {
            return NotFound;
        }

        var to = approve ? States.Approved : States.Rejected;
        if (version.State == to)
        {
            return Info(version);
        }

        if (version.State != States.Review || !await versions.MoveAsync(id, [States.Review], to, approve ? null : note, clock.GetUtcNow(), cancellationToken))
        {
            return StateConflict(version, "The version is not waiting for review.");
        }

        // A story has no release step of its own (its writer publishes, which is the release): approval releases it.
        if (approve && await appStore.FindAsync(version.AppKey, cancellationToken) is { Kind: MiniProgramKinds.Story })
        {
            await versions.ReleaseAsync(version.AppKey, id, clock.GetUtcNow(), cancellationToken);
        }

        return Info((await versions.FindAsync(id, cancellationToken))!);
    }

    internal static MiniProgramVersionInfo Info(AppVersion v) => new(
        Ids.Format(v.Id), v.Version, v.Note, v.State, Ids.Format(v.UploadedBy), v.UploadedAt, v.Size, v.Pages, v.ReviewNote, v.ReviewedAt, v.ReleasedAt);

    private static readonly Result<Done> Ok = Done.Value;

    private static Error StateConflict(AppVersion version, string title) =>
        Error.Conflict(ErrorCodes.VersionStateConflict, title, $"Version {version.Version} is {version.State}.");

    /// <summary>Runs a change on one of the app's versions for its developer or a collaborator, answering the version as it is after.</summary>
    private async Task<Result<MiniProgramVersionInfo>> ActAsync(
        Guid me, string appId, string versionId, Func<MiniProgram, AppVersion, Task<Result<Done>>> change, CancellationToken cancellationToken)
    {
        var maintained = await apps.MaintainedAsync(me, appId, cancellationToken);
        if (!maintained.IsSuccess)
        {
            return maintained.Error;
        }

        var app = maintained.Value.App;
        if (!Ids.TryParse(versionId, out var id) || await versions.FindAsync(id, cancellationToken) is not { } version || version.AppKey != app.Id)
        {
            return NotFound;
        }

        var changed = await change(app, version);
        return changed.IsSuccess ? Info((await versions.FindAsync(id, cancellationToken))!) : changed.Error;
    }
}
