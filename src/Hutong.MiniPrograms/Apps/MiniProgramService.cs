using Hutong.Accounts.Identity;
using Hutong.Chat.Media;
using Hutong.Contracts;
using Hutong.Contracts.MiniPrograms;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.Core.Identity;
using Hutong.Core.Text;
using Microsoft.Extensions.Options;

namespace Hutong.MiniPrograms.Apps;

/// <summary>
/// Developers and their mini-programs: registration, creating and editing an app, its secret, and its team. Only the
/// developer changes the app and its team; to anyone off the team an app that is not released does not exist.
/// </summary>
public sealed class MiniProgramService(
    IMiniProgramStore store, IAccountStore accounts, IMediaStore media, Operators operators, IOptions<MiniProgramsOptions> options, TimeProvider clock)
{
    public static readonly Error NotFound = Error.NotFound(ErrorCodes.MiniProgramNotFound, "No such mini-program.");

    public static readonly Error NotOnTeam = Error.Forbidden(ErrorCodes.NotOnTheTeam, "Only the mini-program's team may do that.");

    private static readonly Error NotDeveloper = Error.Forbidden(ErrorCodes.NotADeveloper, "Register as a developer first.");

    /// <summary>App secrets are 32 hex digits, as WeChat's are.</summary>
    private const int SecretDigits = 32;

    private MiniProgramsOptions Limits => options.Value;

    public async Task<DeveloperInfo?> DeveloperAsync(Guid me, CancellationToken cancellationToken) =>
        await store.FindDeveloperAsync(me, cancellationToken) is { } developer ? Info(developer) : null;

    /// <summary>Registers the caller as a developer under a public name, or changes that name.</summary>
    public async Task<Result<DeveloperInfo>> RegisterAsync(Guid me, RegisterDeveloperRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var name = Name(errors, "name", request.Name);
        if (errors.Any)
        {
            return errors.ToError();
        }

        return Info(await store.SaveDeveloperAsync(new Developer(me, name, clock.GetUtcNow()), cancellationToken));
    }

    public async Task<Result<CreatedMiniProgram>> CreateAsync(Guid me, CreateMiniProgramRequest request, CancellationToken cancellationToken)
    {
        if (await store.FindDeveloperAsync(me, cancellationToken) is null)
        {
            return NotDeveloper;
        }

        var errors = new FieldErrors();
        var name = Name(errors, "name", request.Name);
        var description = Text(errors, "description", request.Description, Limits.MaxDescription);
        var category = Text(errors, "category", request.Category, Limits.MaxCategory);
        var domains = RequestDomains.Parse(errors, request.RequestDomains ?? [], Limits);
        var kind = request.Kind ?? MiniProgramKinds.MiniProgram;
        if (kind is not (MiniProgramKinds.MiniProgram or MiniProgramKinds.Game))
        {
            errors.Add("kind", $"kind is \"{MiniProgramKinds.MiniProgram}\" or \"{MiniProgramKinds.Game}\"; stories are published from the story studio.");
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        if (await store.CountByDeveloperAsync(me, cancellationToken) >= Limits.MaxAppsPerDeveloper)
        {
            return Error.Conflict(
                ErrorCodes.TooManyMiniPrograms, "You have as many mini-programs as one developer may.", $"One developer may have {Limits.MaxAppsPerDeveloper}.");
        }

        var secret = AppIdentities.RandomHex(SecretDigits);
        while (true)
        {
            // 64 random bits: a clash is not expected, and drawing again keeps it from mattering.
            var app = new MiniProgram(
                Ids.New(clock), "wx" + AppIdentities.RandomHex(16), me, name, description, category, null, domains, AppIdentities.HashSecret(secret), clock.GetUtcNow(), null, null, kind);
            if (await store.TryAddAsync(app, cancellationToken))
            {
                return new CreatedMiniProgram(await InfoAsync(app, MiniProgramRoles.Developer, cancellationToken), secret);
            }
        }
    }

    /// <summary>
    /// A story's mini-game, made when the person first publishes it from the story studio. Its writer is its developer
    /// without registering: the first story registers them under their display name (what an app's publisher shows),
    /// as registering would; a developer already registered keeps their name. The app's name is checked by the caller.
    /// </summary>
    internal async Task<Result<MiniProgram>> CreateStoryAsync(Guid me, string name, string description, Guid? iconId, CancellationToken cancellationToken)
    {
        if (await store.FindDeveloperAsync(me, cancellationToken) is null)
        {
            var account = await accounts.FindAsync(me, cancellationToken);
            await store.SaveDeveloperAsync(new Developer(me, account?.DisplayName is { Length: >= 2 } shown && shown.Length <= Limits.MaxName ? shown : name, clock.GetUtcNow()), cancellationToken);
        }

        if (await store.CountByDeveloperAsync(me, cancellationToken) >= Limits.MaxAppsPerDeveloper)
        {
            return Error.Conflict(
                ErrorCodes.TooManyMiniPrograms, "You have as many mini-programs as one developer may.", $"One developer may have {Limits.MaxAppsPerDeveloper}.");
        }

        while (true)
        {
            // Nobody calls a story's server: its secret is drawn and never shown.
            var app = new MiniProgram(
                Ids.New(clock), "wx" + AppIdentities.RandomHex(16), me, name, description, "", iconId, [], AppIdentities.HashSecret(AppIdentities.RandomHex(SecretDigits)),
                clock.GetUtcNow(), null, null, MiniProgramKinds.Story);
            if (await store.TryAddAsync(app, cancellationToken))
            {
                return app;
            }
        }
    }

    /// <summary>Saves a story app's name, description and icon as its writer republishes it.</summary>
    internal Task UpdateStoryAsync(MiniProgram app, string name, string description, Guid? iconId, CancellationToken cancellationToken) =>
        store.UpdateAsync(app with { Name = name, Description = description, IconId = iconId }, cancellationToken);

    /// <summary>How the caller sees their own app.</summary>
    internal Task<MiniProgramInfo> OwnInfoAsync(MiniProgram app, CancellationToken cancellationToken) => InfoAsync(app, MiniProgramRoles.Developer, cancellationToken);

    /// <summary>The mini-program as the caller may see it: its team sees all of it, anyone else only a released one.</summary>
    public async Task<Result<MiniProgramInfo>> GetAsync(Guid me, string appId, CancellationToken cancellationToken)
    {
        var app = await FindAsync(appId, cancellationToken);
        if (app is null)
        {
            return NotFound;
        }

        var role = await RoleAsync(app, me, cancellationToken);
        return role is null && app.ReleasedVersionId is null ? NotFound : await InfoAsync(app, role, cancellationToken);
    }

    /// <summary>The mini-programs the caller is on the team of.</summary>
    public async Task<MiniProgramList> MineAsync(Guid me, CancellationToken cancellationToken)
    {
        var apps = await store.TeamOfAsync(me, cancellationToken);
        var infos = new List<MiniProgramInfo>(apps.Count);
        foreach (var (app, role) in apps)
        {
            infos.Add(await InfoAsync(app, role, cancellationToken));
        }

        return new MiniProgramList(infos);
    }

    /// <summary>
    /// What the person opened lately, the last first; apps they may no longer open are left out. <paramref name="games"/>
    /// true keeps games and stories, false mini-programs, null all.
    /// </summary>
    public async Task<MiniProgramList> RecentAsync(Guid me, bool? games, CancellationToken cancellationToken)
    {
        var infos = new List<MiniProgramInfo>();
        foreach (var app in await store.RecentAsync(me, games, 20, cancellationToken))
        {
            var role = await RoleAsync(app, me, cancellationToken);
            if (role is not null || app.ReleasedVersionId is not null)
            {
                infos.Add(await InfoAsync(app, role, cancellationToken));
            }
        }

        return new MiniProgramList(infos);
    }

    /// <summary>Released apps whose cards are in the person's chats, the most recently shared first; <paramref name="games"/> as in <see cref="RecentAsync"/>.</summary>
    public async Task<MiniProgramList> SharedWithAsync(Guid me, bool? games, CancellationToken cancellationToken)
    {
        var infos = new List<MiniProgramInfo>();
        foreach (var appId in await store.SharedWithAsync(me, 20, cancellationToken))
        {
            if (await store.FindByAppIdAsync(appId, cancellationToken) is { ReleasedVersionId: not null } app && IsOfKind(app, games))
            {
                infos.Add(Info(app, null, null));
            }
        }

        return new MiniProgramList(infos);
    }

    /// <summary>Notes that the person opened the app.</summary>
    public Task OpenedAsync(Guid me, MiniProgram app, CancellationToken cancellationToken) => store.TouchRecentAsync(me, app.Id, clock.GetUtcNow(), cancellationToken);

    /// <summary>Released apps by name; <paramref name="games"/> as in <see cref="RecentAsync"/>.</summary>
    public async Task<MiniProgramList> SearchAsync(string? text, bool? games, CancellationToken cancellationToken)
    {
        var query = NameText.Clean(text).ToLowerInvariant();
        return query.Length == 0
            ? new MiniProgramList([])
            : new MiniProgramList([.. (await store.SearchReleasedAsync(query, games, 20, cancellationToken)).Select(a => Info(a, null, null))]);
    }

    private static bool IsOfKind(MiniProgram app, bool? games) =>
        games is not { } onlyGames || (app.Kind != MiniProgramKinds.MiniProgram) == onlyGames;

    public async Task<Result<MiniProgramInfo>> UpdateAsync(Guid me, string appId, UpdateMiniProgramRequest request, CancellationToken cancellationToken)
    {
        var owned = await OwnedAsync(me, appId, cancellationToken);
        if (!owned.IsSuccess)
        {
            return owned.Error;
        }

        var app = owned.Value;
        var errors = new FieldErrors();
        var name = request.Name is null ? app.Name : Name(errors, "name", request.Name);
        var description = request.Description is null ? app.Description : Text(errors, "description", request.Description, Limits.MaxDescription);
        var category = request.Category is null ? app.Category : Text(errors, "category", request.Category, Limits.MaxCategory);
        var domains = request.RequestDomains is null ? app.RequestDomains : RequestDomains.Parse(errors, request.RequestDomains, Limits);
        var icon = app.IconId;
        if (request.IconId is not null)
        {
            icon = Ids.TryParse(request.IconId, out var id)
                && await media.FindAsync(id, cancellationToken) is { } found && found.UploaderId == me && found.ContentType.StartsWith("image/", StringComparison.Ordinal)
                ? id
                : null;
            if (icon is null)
            {
                errors.Add("iconId", "The icon is an image you uploaded.");
            }
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        var updated = app with { Name = name, Description = description, Category = category, RequestDomains = domains, IconId = icon };
        await store.UpdateAsync(updated, cancellationToken);
        return await InfoAsync(updated, MiniProgramRoles.Developer, cancellationToken);
    }

    /// <summary>A new app secret, shown this once; the old one stops working at once.</summary>
    public async Task<Result<string>> ResetSecretAsync(Guid me, string appId, CancellationToken cancellationToken)
    {
        var owned = await OwnedAsync(me, appId, cancellationToken);
        if (!owned.IsSuccess)
        {
            return owned.Error;
        }

        var secret = AppIdentities.RandomHex(SecretDigits);
        await store.UpdateAsync(owned.Value with { SecretHash = AppIdentities.HashSecret(secret) }, cancellationToken);
        return secret;
    }

    /// <summary>Puts a person on the team as a collaborator or tester, or changes their role.</summary>
    public async Task<Result<MiniProgramInfo>> SetMemberAsync(Guid me, string appId, string userId, SetMemberRequest request, CancellationToken cancellationToken)
    {
        var owned = await OwnedAsync(me, appId, cancellationToken);
        if (!owned.IsSuccess)
        {
            return owned.Error;
        }

        if (request.Role is not (MiniProgramRoles.Collaborator or MiniProgramRoles.Tester))
        {
            var errors = new FieldErrors();
            errors.Add("role", $"role is {MiniProgramRoles.Collaborator} or {MiniProgramRoles.Tester}.");
            return errors.ToError();
        }

        var app = owned.Value;
        if (!Ids.TryParse(userId, out var person) || person == app.DeveloperId || await accounts.FindAsync(person, cancellationToken) is not { DeletedAt: null })
        {
            return Error.NotFound(ErrorCodes.UserNotFound, "No such person (the developer is always on the team).");
        }

        if (!await store.SetMemberAsync(app.Id, new Member(person, request.Role), Limits.MaxMembers, cancellationToken))
        {
            return Error.Conflict(ErrorCodes.Conflict, "The team is full.", $"A mini-program has at most {Limits.MaxMembers} collaborators and testers.");
        }

        return await InfoAsync(app, MiniProgramRoles.Developer, cancellationToken);
    }

    public async Task<Result<MiniProgramInfo>> RemoveMemberAsync(Guid me, string appId, string userId, CancellationToken cancellationToken)
    {
        var owned = await OwnedAsync(me, appId, cancellationToken);
        if (!owned.IsSuccess)
        {
            return owned.Error;
        }

        if (!Ids.TryParse(userId, out var person) || !await store.RemoveMemberAsync(owned.Value.Id, person, cancellationToken))
        {
            return Error.NotFound(ErrorCodes.UserNotFound, "That person is not on the team.");
        }

        return await InfoAsync(owned.Value, MiniProgramRoles.Developer, cancellationToken);
    }

    /// <summary>The mini-program by its public app id (the only id the API takes).</summary>
    public Task<MiniProgram?> FindAsync(string? appId, CancellationToken cancellationToken) =>
        IsAppId(appId) ? store.FindByAppIdAsync(appId!, cancellationToken) : Task.FromResult<MiniProgram?>(null);

    /// <summary>
    /// The app, when the person may open some version of it: the released one, or as its team, or as an operator
    /// reviewing it. The runtime's calls (login, storage, requests) are for these people only.
    /// </summary>
    public async Task<MiniProgram?> OpenableAsync(Guid me, string appId, CancellationToken cancellationToken) =>
        await FindAsync(appId, cancellationToken) is { } app
        && (app.ReleasedVersionId is not null || await RoleAsync(app, me, cancellationToken) is not null || await operators.IsOperatorAsync(me, cancellationToken))
            ? app
            : null;

    /// <summary>The mini-program by Hutong's own key.</summary>
    public Task<MiniProgram?> FindByKeyAsync(Guid appKey, CancellationToken cancellationToken) => store.FindAsync(appKey, cancellationToken);

    /// <summary>The caller's role on the app's team (<see cref="MiniProgramRoles"/>), or null when they are not on it.</summary>
    public async Task<string?> RoleAsync(MiniProgram app, Guid me, CancellationToken cancellationToken) =>
        app.DeveloperId == me ? MiniProgramRoles.Developer : (await store.FindMemberAsync(app.Id, me, cancellationToken))?.Role;

    /// <summary>
    /// The app, when the caller is its developer or a collaborator (who handle versions); a tester is told they may
    /// not, and anyone else that there is no such app unless it is released.
    /// </summary>
    public async Task<Result<(MiniProgram App, string Role)>> MaintainedAsync(Guid me, string appId, CancellationToken cancellationToken)
    {
        var app = await FindAsync(appId, cancellationToken);
        if (app is null)
        {
            return NotFound;
        }

        var role = await RoleAsync(app, me, cancellationToken);
        return role is MiniProgramRoles.Developer or MiniProgramRoles.Collaborator
            ? (app, role)
            : role is not null || app.ReleasedVersionId is not null ? NotOnTeam : NotFound;
    }

    public static bool SecretMatches(MiniProgram app, string? secret) =>
        AppIdentities.SecretMatches(app.SecretHash, secret);

    /// <summary>How an app looks to someone: <paramref name="role"/> null is anyone off the team, who sees no team details.</summary>
    internal static MiniProgramInfo Info(MiniProgram app, string? role, IReadOnlyList<Member>? members) => new(
        app.AppId,
        app.Name,
        app.Description,
        app.Category,
        app.IconId is { } icon ? $"/api/v1/media/{Ids.Format(icon)}" : null,
        app.ReleasedVersion,
        role is null || members is null
            ? null
            : new MiniProgramAdminInfo(
                role,
                Ids.Format(app.DeveloperId),
                app.RequestDomains,
                [new MiniProgramMember(Ids.Format(app.DeveloperId), MiniProgramRoles.Developer), .. members.Select(m => new MiniProgramMember(Ids.Format(m.UserId), m.Role))],
                app.CreatedAt),
        app.Kind);

    private async Task<MiniProgramInfo> InfoAsync(MiniProgram app, string? role, CancellationToken cancellationToken) =>
        Info(app, role, role is null ? null : await store.MembersAsync(app.Id, cancellationToken));

    private async Task<Result<MiniProgram>> OwnedAsync(Guid me, string appId, CancellationToken cancellationToken)
    {
        var app = await FindAsync(appId, cancellationToken);
        if (app is null)
        {
            return NotFound;
        }

        return app.DeveloperId == me
            ? app
            : await RoleAsync(app, me, cancellationToken) is not null || app.ReleasedVersionId is not null ? NotOnTeam : NotFound;
    }

    private static bool IsAppId(string? appId) =>
        appId is { Length: 18 } && appId.StartsWith("wx", StringComparison.Ordinal) && appId[2..].All(char.IsAsciiHexDigitLower);

    private string Name(FieldErrors errors, string field, string? text)
    {
        var name = NameText.Clean(text);
        if (name.Length < 2 || name.Length > Limits.MaxName)
        {
            errors.Add(field, $"{field} is 2 to {Limits.MaxName} characters.");
        }

        return name;
    }

    private static string Text(FieldErrors errors, string field, string? text, int max)
    {
        var value = NameText.Clean(text);
        if (value.Length > max)
        {
            errors.Add(field, $"{field} is at most {max} characters.");
        }

        return value;
    }

    private static DeveloperInfo Info(Developer developer) => new(Ids.Format(developer.UserId), developer.Name, developer.RegisteredAt);

}
