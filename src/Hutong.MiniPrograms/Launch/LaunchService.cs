using Hutong.Accounts.Identity;
using Hutong.Contracts.MiniPrograms;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.MiniPrograms.Apps;
using Hutong.MiniPrograms.Runtime;
using Hutong.MiniPrograms.Versions;
using Microsoft.Extensions.Options;
using States = Hutong.Contracts.MiniPrograms.MiniProgramVersionStates;

namespace Hutong.MiniPrograms.Launch;

/// <summary>
/// Opening a mini-program: which version the person gets and whether they may. Everyone opens the released version;
/// the team opens the trial one; the developer and collaborators open any version; operators open the versions they
/// review. Nobody else learns that an unreleased version, or an unreleased app, exists.
/// </summary>
public sealed class LaunchService(
    MiniProgramService apps, IVersionStore versions, CodeTickets tickets, Operators operators, IOptions<MiniProgramsOptions> options, TimeProvider clock)
{
    /// <summary>WeChat's <c>envVersion</c> names, as <c>wx.getAccountInfoSync</c> reports them.</summary>
    public const string Release = "release";
    public const string Trial = "trial";
    public const string Develop = "develop";

    public async Task<Result<MiniProgramLaunch>> LaunchAsync(Guid me, string appId, string? env, string? versionId, CancellationToken cancellationToken)
    {
        var app = await apps.FindAsync(appId, cancellationToken);
        if (app is null)
        {
            return MiniProgramService.NotFound;
        }

        var role = await apps.RoleAsync(app, me, cancellationToken);
        var version = await PickAsync(app, role, me, env, versionId, cancellationToken);
        if (version is null)
        {
            return role is null && app.ReleasedVersionId is null ? MiniProgramService.NotFound : VersionService.NotFound;
        }

        await apps.OpenedAsync(me, app, cancellationToken);
        var expires = clock.GetUtcNow() + options.Value.CodeAddressLifetime;
        var ticket = await tickets.IssueAsync(version.Id, expires, cancellationToken);
        return new MiniProgramLaunch(
            app.AppId,
            app.Name,
            app.IconId is { } icon ? $"/api/v1/media/{Ids.Format(icon)}" : null,
            Ids.Format(version.Id),
            version.Version,
            version.State switch { States.Released => Release, States.Trial => Trial, _ => Develop },
            version.Config,
            $"{MiniProgramRuntime.PackagesPath}{ticket}/",
            expires,
            $"{MiniProgramRuntime.RuntimePath}{MiniProgramRuntime.HostModule(app.Kind)}?v={MiniProgramRuntime.Version}",
            app.Kind);
    }

    private async Task<AppVersion?> PickAsync(MiniProgram app, string? role, Guid me, string? env, string? versionId, CancellationToken cancellationToken)
    {
        var maintainer = role is MiniProgramRoles.Developer or MiniProgramRoles.Collaborator;
        if (versionId is not null)
        {
            if (!Ids.TryParse(versionId, out var id) || await versions.FindAsync(id, cancellationToken) is not { } version || version.AppKey != app.Id)
            {
                return null;
            }

            var allowed = version.State switch
            {
                States.Released => true,
                States.Trial => role is not null,
                States.Review or States.Approved => maintainer || await operators.IsOperatorAsync(me, cancellationToken),
                _ => maintainer,
            };
            return allowed ? version : null;
        }

        return env switch
        {
            null or "" or Release => app.ReleasedVersionId is { } released ? await versions.FindAsync(released, cancellationToken) : null,
            Trial when role is not null => await versions.InStateAsync(app.Id, States.Trial, cancellationToken),
            Develop when maintainer => await versions.NewestDevelopAsync(app.Id, cancellationToken),
            _ => null,
        };
    }
}
