using System.CommandLine;
using Hutong.Client;
using Hutong.Contracts.MiniPrograms;
using Spectre.Console;

namespace Hutong.Cli.MiniPrograms;

/// <summary>
/// <c>hutong mp new &lt;name&gt; [--game]</c>: writes a working project (<see cref="Template"/>) and, when signed in, registers
/// the person as a developer if they are not yet one, creates the app, writes its id into project.config.json, and
/// shows its secret once. Run again in a project that has no app id yet, it only creates the app.
/// </summary>
internal static class NewCommand
{
    public static Command Create(CliContext context, ProjectOptions options)
    {
        var name = new Argument<string>("name") { Description = "The mini-program's name; also its folder's, unless --dir names another" };
        var offline = new Option<bool>("--offline") { Description = "Only write the files; create the app later by running this again in the folder" };
        var developerName = new Option<string>("--developer-name") { Description = "Your public name as a developer, if you register now (default: your display name)" };
        var domains = new Option<string[]>("--domain")
        {
            Description = "A request domain wx.request may reach, as api.example.com or https://api.example.com:8443; repeat it for more",
        };
        var game = new Option<bool>("--game") { Description = "Make a mini-game (game.json, game.js and an open data context) instead of a mini-program" };
        var command = new Command("new", "Make a mini-program or mini-game: a working project folder, and the app on the server") { name, offline, developerName, domains, game };
        return command.Runs(context, async (parse, cancellationToken) =>
        {
            var appName = parse.GetRequiredValue(name).Trim();
            if (appName.Length == 0)
            {
                throw CliException.Usage("The name is empty.");
            }

            var directory = context.FullPath(parse.GetValue(options.Dir) ?? FolderName(appName));
            var isGame = parse.GetValue(game) || ProjectFolder.IsGame(directory);
            WriteFiles(context, directory, appName, isGame);
            if (parse.GetValue(offline) || !context.HasSession)
            {
                context.Out.MarkupLineInterpolated(
                    $"[grey]The app is not on a server yet: {(parse.GetValue(offline) ? "" : "sign in with `hutong login`, then ")}run `hutong mp new \"{appName}\" --dir \"{directory}\"` again to create it.[/]");
                return ExitCodes.Success;
            }

            using var connection = context.SignedIn();
            await EnsureDeveloperAsync(context, connection.Client, parse.GetValue(developerName), cancellationToken);
            var created = await connection.Client.CreateMiniProgramAsync(new CreateMiniProgramRequest(
                appName, RequestDomains: parse.GetValue(domains) is { Length: > 0 } given ? given : null, Kind: isGame ? MiniProgramKinds.Game : MiniProgramKinds.MiniProgram), cancellationToken);
            ProjectFolder.WriteAppId(directory, created.App.AppId);
            context.Out.MarkupLineInterpolated($"[green]Created the {(isGame ? "game" : "app")}[/] [bold]{created.App.Name}[/] on {connection.ServerText}: {created.App.AppId}");
            if (created.App.Admin is { RequestDomains.Count: > 0 } admin)
            {
                context.Out.MarkupLineInterpolated($"Request domains: {string.Join(", ", admin.RequestDomains)}");
            }

            context.Out.Write(SecretPanel(created));
            context.Out.MarkupLineInterpolated($"Next: [bold]cd \"{Path.GetRelativePath(context.WorkingDirectory, directory)}\"[/] and [bold]hutong mp dev[/].");
            return ExitCodes.Success;
        });
    }

    private static void WriteFiles(CliContext context, string directory, string appName, bool game)
    {
        if (ProjectFolder.IsProject(directory))
        {
            var existing = ProjectFolder.Open(directory);
            if (existing.AppId is { } appId)
            {
                throw CliException.Usage($"{directory} is already the project of {appId}.", "Choose another folder with --dir.");
            }

            context.Out.MarkupLineInterpolated($"{directory} is a project without an app id: creating its app.");
            return;
        }

        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
        {
            throw CliException.Usage($"{directory} is not empty.", "Choose another folder with --dir.");
        }

        var files = Template.Write(directory, appName, game);
        context.Out.MarkupLineInterpolated($"[green]Wrote[/] {files.Count} files of [bold]{appName}[/] in {directory}.");
    }

    private static async Task EnsureDeveloperAsync(CliContext context, HutongClient client, string? name, CancellationToken cancellationToken)
    {
        try
        {
            await client.GetDeveloperAsync(cancellationToken);
        }
        catch (HutongApiException e) when (e.Status == 404)
        {
            var developer = name ?? (await client.GetMeAsync(cancellationToken)).DisplayName;
            await client.RegisterDeveloperAsync(developer, cancellationToken);
            context.Out.MarkupLineInterpolated($"[green]Registered[/] as the developer [bold]{developer}[/].");
        }
    }

    private static Panel SecretPanel(CreatedMiniProgram created) =>
        new Panel(new Rows(
            new Markup($"App id:     [bold]{Markup.Escape(created.App.AppId)}[/]"),
            new Markup($"App secret: [bold yellow]{Markup.Escape(created.AppSecret)}[/]"),
            new Text(""),
            new Text("Keep the secret for your backend: it exchanges wx.login codes for openids (/sns/jscode2session)."),
            new Text("It is shown only this once, and never belongs in the mini-program's own files.")))
        {
            Header = new PanelHeader(" Keep this secret "),
            Border = BoxBorder.Double,
            BorderStyle = new Style(Color.Yellow),
        };

    /// <summary>The name as a folder name: path separators and characters a file system refuses become '-'.</summary>
    private static string FolderName(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var folder = new string([.. name.Select(c => invalid.Contains(c) || c is '/' or '\\' ? '-' : c)]).Trim('.', ' ');
        return folder.Length == 0 ? "miniprogram" : folder;
    }
}
