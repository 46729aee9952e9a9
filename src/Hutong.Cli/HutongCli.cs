using System.CommandLine;
using Hutong.Cli.Accounts;
using Hutong.Cli.MiniPrograms;
using Hutong.Client;
using Spectre.Console;

namespace Hutong.Cli;

/// <summary>The <c>hutong</c> command line: its commands, and running one in a <see cref="CliContext"/>.</summary>
internal static class HutongCli
{
    public static RootCommand Commands(CliContext context)
    {
        var root = new RootCommand("hutong: the Hutong developer tool. Sign in, then make, upload, submit and release mini-programs.");
        foreach (var command in AccountCommands.Create(context))
        {
            root.Subcommands.Add(command);
        }

        root.Subcommands.Add(MiniProgramCommands.Create(context));
        return root;
    }

    /// <summary>Runs the command line <paramref name="args"/> and returns its exit code (<see cref="ExitCodes"/>).</summary>
    public static Task<int> RunAsync(IReadOnlyList<string> args, CliContext context, CancellationToken cancellationToken) =>
        Commands(context).Parse(args).InvokeAsync(
            new InvocationConfiguration
            {
                Output = context.Out.Profile.Out.Writer,
                Error = context.Error.Profile.Out.Writer,
                // The process's entry point owns Ctrl+C and cancels the token it passes here.
                ProcessTerminationTimeout = null,
            },
            cancellationToken);

    /// <summary>
    /// Sets the command's action, reporting what goes wrong as <see cref="ErrorReport"/> does and ending with its exit
    /// code; a bug still throws.
    /// </summary>
    internal static Command Runs(this Command command, CliContext context, Func<ParseResult, CancellationToken, Task<int>> action)
    {
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                return await action(parse, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                context.Error.MarkupLine("[grey]Cancelled.[/]");
                return ExitCodes.Cancelled;
            }
            catch (Exception e) when (e is CliException or HutongApiException or HttpRequestException or TaskCanceledException or IOException or UnauthorizedAccessException)
            {
                return ErrorReport.Write(context.Error, e);
            }
        });
        return command;
    }
}
