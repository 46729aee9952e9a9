using System.CommandLine;
using Hutong.Client;
using Hutong.Contracts.Accounts;
using Spectre.Console;

namespace Hutong.Cli.Accounts;

/// <summary><c>hutong login</c>, <c>logout</c> and <c>whoami</c>: the session the other commands act in.</summary>
internal static class AccountCommands
{
    public static IEnumerable<Command> Create(CliContext context) => [Login(context), Logout(context), WhoAmI(context)];

    private static Command Login(CliContext context)
    {
        var server = new Option<string>("--server")
        {
            Description = "The server, as https://hutong.example.com (default: HUTONG_SERVER, else the last one, else http://localhost:5080)",
        };
        var handle = new Option<string>("--handle") { Description = "Your handle; asked for when left out" };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input (for scripts)" };
        var command = new Command("login", "Sign this machine in to a Hutong server; later commands use the saved session") { server, handle, passwordStdin };
        return command.Runs(context, async (parse, cancellationToken) =>
        {
            var saved = context.Credentials.Load();
            var uri = CliContext.ServerUri(parse.GetValue(server) ?? context.Environment("HUTONG_SERVER") ?? saved?.Server);
            var who = parse.GetValue(handle) ?? Ask(context, new TextPrompt<string>("Handle:"));
            var password = parse.GetValue(passwordStdin)
                ? await context.Input.ReadLineAsync(cancellationToken) ?? ""
                : Ask(context, new TextPrompt<string>("Password:").Secret());

            using var connection = context.Connect(uri);
            LoginResponse session;
            try
            {
                session = await connection.Client.LoginAsync(new LoginRequest(who.Trim(), password, $"hutong CLI on {context.MachineName}"), cancellationToken);
            }
            catch (HutongApiException e) when (e.Status == 401)
            {
                // A wrong password is the server refusing what was typed, not a session that ended.
                throw new CliException(ExitCodes.Refused, e.Problem?.Title ?? "The handle or password is wrong.");
            }

            if (saved is not null)
            {
                await RevokeAsync(context, saved, cancellationToken);
            }

            context.Credentials.Save(new Credentials(connection.ServerText, session.Token, who.Trim()));
            context.Out.MarkupLineInterpolated($"[green]Signed in[/] to {connection.ServerText} as [bold]{who.Trim()}[/].");
            context.Out.MarkupLineInterpolated($"[grey]Session saved in {context.Credentials.Path}.[/]");
            return ExitCodes.Success;
        });
    }

    private static Command Logout(CliContext context)
    {
        var command = new Command("logout", "End the saved session on the server and forget it here");
        return command.Runs(context, async (_, cancellationToken) =>
        {
            if (context.Credentials.Load() is not { } saved)
            {
                context.Out.MarkupLine("Nobody is signed in.");
                return ExitCodes.Success;
            }

            var revoked = await RevokeAsync(context, saved, cancellationToken);
            context.Credentials.Delete();
            context.Out.MarkupLineInterpolated($"Signed out of {saved.Server}.");
            if (!revoked)
            {
                context.Error.MarkupLine("[yellow]warning:[/] the server could not be reached, so the session may still work there until it expires.");
                return ExitCodes.Unavailable;
            }

            return ExitCodes.Success;
        });
    }

    private static Command WhoAmI(CliContext context)
    {
        var command = new Command("whoami", "Show who the session is signed in as, and where");
        return command.Runs(context, async (_, cancellationToken) =>
        {
            using var connection = context.SignedIn();
            var me = await connection.Client.GetMeAsync(cancellationToken);
            context.Out.MarkupLineInterpolated($"[bold]{me.Handle}[/] ({me.DisplayName}) on {connection.ServerText}");
            return ExitCodes.Success;
        });
    }

    /// <summary>Ends a saved session on its server; false when the server could not be reached (an ended session counts as ended).</summary>
    private static async Task<bool> RevokeAsync(CliContext context, Credentials saved, CancellationToken cancellationToken)
    {
        try
        {
            using var connection = context.Connect(CliContext.ServerUri(saved.Server));
            connection.Client.Token = saved.Token;
            await connection.Client.LogoutAsync(cancellationToken);
            return true;
        }
        catch (HutongApiException)
        {
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static string Ask(CliContext context, TextPrompt<string> prompt) => context.Out.Profile.Capabilities.Interactive
        ? context.Out.Prompt(prompt)
        : throw CliException.Usage("Not at an interactive terminal, so nothing can be asked.", "Pass --handle and --password-stdin.");
}
