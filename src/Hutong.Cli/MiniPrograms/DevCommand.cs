using System.CommandLine;
using System.Threading.Channels;
using Hutong.Client;
using Spectre.Console;

namespace Hutong.Cli.MiniPrograms;

/// <summary>
/// <c>hutong mp dev</c>: uploads the project as a develop version, prints the link that opens it in the web client and
/// its QR code, then watches the folder and uploads again after each burst of changes (quiet for
/// <see cref="Settle"/>), printing the outcome of each, until Ctrl+C. The same number is replaced each time while it
/// is in development.
/// </summary>
internal static class DevCommand
{
    public const string DefaultVersion = "0.0.0-dev";

    /// <summary>How long the folder must be still before an upload: an editor's save is several events.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(300);

    public static Command Create(CliContext context, ProjectOptions options)
    {
        var version = new Option<string>("--version") { Description = $"The develop version's number (default: {DefaultVersion})" };
        var command = new Command("dev", "Upload a develop version, show its link and QR code, and upload again on every change until Ctrl+C") { version };
        return command.Runs(context, async (parse, cancellationToken) =>
        {
            var (project, appId) = options.Resolve(parse, context);
            var number = parse.GetValue(version) ?? DefaultVersion;
            using var connection = context.SignedIn();
            var changes = Channel.CreateUnbounded<string>();
            using var watcher = Watch(project, changes.Writer, context);

            var link = $"{connection.ServerText}/mp/{appId}?env=develop";
            var round = 1;
            if (await UploadAsync(context, connection.Client, appId, project, number, round, cancellationToken) is { } failed)
            {
                return failed;
            }

            context.Out.WriteLine();
            context.Out.MarkupLineInterpolated($"Open the develop version: [link]{link}[/]");
            context.Out.Write(TerminalQr.Of(link));
            context.Out.WriteLine();
            context.Out.MarkupLineInterpolated($"[grey]Watching {project.Directory} for changes; Ctrl+C stops.[/]");
            try
            {
                while (true)
                {
                    await changes.Reader.WaitToReadAsync(cancellationToken);
                    await SettleAsync(changes.Reader, context.Clock, cancellationToken);
                    if (await UploadAsync(context, connection.Client, appId, project, number, ++round, cancellationToken) is { } stopped)
                    {
                        return stopped;
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                context.Out.MarkupLine("Stopped watching.");
                return ExitCodes.Success;
            }
        });
    }

    /// <summary>
    /// One upload, reported on the console and to <see cref="CliContext.DevRounds"/>. A refused package (or version
    /// number) or an unreachable server is reported and watching goes on (null); what the next save cannot mend (a
    /// session that ended, an app gone, a number past development) ends the command with its exit code.
    /// </summary>
    private static async Task<int?> UploadAsync(
        CliContext context, HutongClient client, string appId, ProjectFolder project, string number, int round, CancellationToken cancellationToken)
    {
        var at = context.Clock.GetLocalNow().ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            var uploaded = await Uploader.UploadAsync(context.Out, client, appId, project, number, "hutong mp dev", cancellationToken);
            context.Out.MarkupLineInterpolated(
                $"[grey]{at}[/] [green]✓ uploaded[/] {uploaded.Version}: {uploaded.Pages.Count} page(s), {Tables.Size(uploaded.Size)}");
            context.DevRounds?.TryWrite(new DevRound(round, uploaded, null));
            return null;
        }
        catch (Exception e) when (e is HutongApiException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            context.Error.Markup($"[grey]{at}[/] ");
            var exit = ErrorReport.Write(context.Error, e);
            var message = e is HutongApiException { Problem.File: not null } refused ? ErrorReport.PackageError(refused.Problem!) : e.Message;
            context.DevRounds?.TryWrite(new DevRound(round, null, message));
            return e is HutongApiException { Status: 401 or 403 or 404 or 409 } ? exit : null;
        }
    }

    /// <summary>Waits until no change has come for <see cref="Settle"/>, taking every change that came meanwhile.</summary>
    private static async Task SettleAsync(ChannelReader<string> changes, TimeProvider clock, CancellationToken cancellationToken)
    {
        while (true)
        {
            while (changes.TryRead(out _))
            {
            }

            using var quiet = new CancellationTokenSource(Settle, clock);
            using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, quiet.Token);
            try
            {
                await changes.WaitToReadAsync(either.Token);
            }
            catch (OperationCanceledException) when (quiet.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private static FileSystemWatcher Watch(ProjectFolder project, ChannelWriter<string> changes, CliContext context)
    {
        var watcher = new FileSystemWatcher(project.Directory)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        void Changed(string path)
        {
            var relative = Packer.Relative(project, path);
            if (project.Ignore.Includes(relative))
            {
                changes.TryWrite(relative);
            }
        }

        watcher.Changed += (_, e) => Changed(e.FullPath);
        watcher.Created += (_, e) => Changed(e.FullPath);
        watcher.Deleted += (_, e) => Changed(e.FullPath);
        watcher.Renamed += (_, e) =>
        {
            Changed(e.OldFullPath);
            Changed(e.FullPath);
        };
        watcher.Error += (_, e) => context.Error.MarkupLineInterpolated($"[yellow]warning:[/] watching the folder failed: {e.GetException().Message}");
        watcher.EnableRaisingEvents = true;
        return watcher;
    }
}
