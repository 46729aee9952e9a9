using System.CommandLine;
using Hutong.Contracts.MiniPrograms;
using Spectre.Console;
using States = Hutong.Contracts.MiniPrograms.MiniProgramVersionStates;

namespace Hutong.Cli.MiniPrograms;

/// <summary>
/// <c>hutong mp ...</c>: a project's versions from upload to release. <c>new</c> and <c>dev</c> have files of their
/// own (<see cref="NewCommand"/>, <see cref="DevCommand"/>); the steps of a version are here.
/// </summary>
internal static class MiniProgramCommands
{
    public static Command Create(CliContext context)
    {
        var project = new ProjectOptions(
            new Option<string>("--dir") { Description = "The project folder (default: the current folder)", Recursive = true },
            new Option<string>("--app") { Description = "The app id, wx... (default: the appid in project.config.json)", Recursive = true });
        var mp = new Command("mp", "Mini-programs: make one, develop it, upload, submit and release its versions") { project.Dir, project.App };
        mp.Subcommands.Add(NewCommand.Create(context, project));
        mp.Subcommands.Add(DevCommand.Create(context, project));
        mp.Subcommands.Add(Upload(context, project));
        mp.Subcommands.Add(Step(context, project, "trial", "Make a version the trial version, which testers open (default: the newest in development)", States.Develop));
        mp.Subcommands.Add(Step(context, project, "submit", "Send a version for review (default: the newest upload that is not a `mp dev` one, *-dev)", States.Develop, States.Trial, States.Rejected));
        mp.Subcommands.Add(Step(context, project, "withdraw", "Take the version in review back into development", States.Review));
        mp.Subcommands.Add(Step(context, project, "release", "Release the approved version to everybody", States.Approved));
        mp.Subcommands.Add(RollBack(context, project));
        mp.Subcommands.Add(List(context, project));
        return mp;
    }

    private static Command Upload(CliContext context, ProjectOptions options)
    {
        var version = new Option<string>("--version") { Description = "The version number, as 1.0.0", Required = true };
        var note = new Option<string>("--note") { Description = "What changed, for the team and the reviewers" };
        var command = new Command("upload", "Pack the project and upload it as a version in development") { version, note };
        return command.Runs(context, async (parse, cancellationToken) =>
        {
            var (project, appId) = options.Resolve(parse, context);
            using var connection = context.SignedIn();
            var uploaded = await Uploader.UploadAsync(context.Out, connection.Client, appId, project, parse.GetRequiredValue(version), parse.GetValue(note), cancellationToken);
            context.Out.MarkupLineInterpolated($"[green]Uploaded[/] {uploaded.Version} of {appId}.");
            context.Out.Write(Tables.Versions([uploaded]));
            context.Out.MarkupLineInterpolated($"[grey]Next: `hutong mp submit --version {uploaded.Version}` sends it for review.[/]");
            return ExitCodes.Success;
        });
    }

    /// <summary>A step of a version; without <c>--version</c>, the newest version in one of <paramref name="from"/>.</summary>
    private static Command Step(CliContext context, ProjectOptions options, string step, string description, params string[] from)
    {
        var version = new Option<string>("--version") { Description = "The version number (default: see above)" };
        var command = new Command(step, description) { version };
        return command.Runs(context, async (parse, cancellationToken) =>
        {
            var appId = options.AppId(parse, context);
            using var connection = context.SignedIn();
            var versions = (await connection.Client.GetMiniProgramVersionsAsync(appId, cancellationToken)).Versions;
            // mp dev's version is replaced on every save, so it is always the newest: what goes to review is named or a real upload.
            var number = parse.GetValue(version);
            var candidates = number is null && step == "submit"
                ? versions.Where(v => !v.Version.EndsWith("-dev", StringComparison.Ordinal)).ToList()
                : versions;
            var chosen = Pick(candidates, number, from);
            var moved = await connection.Client.MoveMiniProgramVersionAsync(appId, chosen.Id, step, cancellationToken);
            context.Out.MarkupLineInterpolated($"Version [bold]{moved.Version}[/] is now [bold]{moved.State}[/].");
            context.Out.Write(Tables.Versions([moved]));
            if (moved.State == States.Released)
            {
                context.Out.MarkupLineInterpolated($"Open it: [link]{connection.ServerText}/mp/{appId}[/]");
            }

            return ExitCodes.Success;
        });
    }

    private static Command RollBack(CliContext context, ProjectOptions options)
    {
        var command = new Command("rollback", "Release the version before the current release again");
        return command.Runs(context, async (parse, cancellationToken) =>
        {
            var appId = options.AppId(parse, context);
            using var connection = context.SignedIn();
            var released = await connection.Client.RollBackMiniProgramAsync(appId, cancellationToken);
            context.Out.MarkupLineInterpolated($"Rolled back: version [bold]{released.Version}[/] is released again.");
            return ExitCodes.Success;
        });
    }

    private static Command List(CliContext context, ProjectOptions options)
    {
        var command = new Command("list", "The project's versions; outside a project, your mini-programs");
        return command.Runs(context, async (parse, cancellationToken) =>
        {
            var appId = parse.GetValue(options.App) ?? (ProjectFolder.IsProject(options.Directory(parse, context))
                ? ProjectFolder.Open(options.Directory(parse, context)).AppId
                : null);
            using var connection = context.SignedIn();
            if (appId is null)
            {
                var apps = (await connection.Client.GetMyMiniProgramsAsync(cancellationToken)).Apps;
                context.Out.Write(Tables.Apps(apps));
                context.Out.MarkupLineInterpolated($"[grey]{apps.Count} mini-program(s).[/]");
                return ExitCodes.Success;
            }

            var versions = (await connection.Client.GetMiniProgramVersionsAsync(appId, cancellationToken)).Versions;
            context.Out.MarkupLineInterpolated($"[bold]{appId}[/]: {versions.Count} version(s)");
            context.Out.Write(Tables.Versions(versions.OrderByDescending(v => v.UploadedAt)));
            return ExitCodes.Success;
        });
    }

    private static MiniProgramVersionInfo Pick(IReadOnlyList<MiniProgramVersionInfo> versions, string? number, string[] from)
    {
        if (number is not null)
        {
            return versions.FirstOrDefault(v => v.Version == number.Trim())
                ?? throw CliException.Usage($"There is no version {number}.", "`hutong mp list` shows the versions.");
        }

        return versions.Where(v => from.Contains(v.State)).MaxBy(v => v.UploadedAt)
            ?? throw CliException.Usage($"No version is {string.Join(" or ", from)}.", "Pass --version; `hutong mp list` shows the versions.");
    }
}

/// <summary>The options every <c>mp</c> command shares: which folder, and which app.</summary>
internal sealed record ProjectOptions(Option<string> Dir, Option<string> App)
{
    public string Directory(ParseResult parse, CliContext context) => context.FullPath(parse.GetValue(Dir) ?? ".");

    /// <summary>The app id to act on: <c>--app</c>, else the project's; a step needs no files of the project.</summary>
    public string AppId(ParseResult parse, CliContext context) =>
        parse.GetValue(App) ?? ProjectFolder.Open(Directory(parse, context)).RequireAppId(null);

    /// <summary>The project folder and the app id to act on; either missing is a usage error.</summary>
    public (ProjectFolder Project, string AppId) Resolve(ParseResult parse, CliContext context)
    {
        var project = ProjectFolder.Open(Directory(parse, context));
        return (project, project.RequireAppId(parse.GetValue(App)));
    }
}
