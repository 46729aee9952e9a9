using System.Globalization;
using System.Net.Sockets;
using Hutong.Client;
using Hutong.Contracts;
using Spectre.Console;

namespace Hutong.Cli;

/// <summary>
/// Turns what went wrong into the lines a person reads and the exit code a script reads (<see cref="ExitCodes"/>).
/// A refused package reads as a compiler's error, <c>error: file:line:column: message</c>, so editors can jump to it.
/// </summary>
internal static class ErrorReport
{
    public static int Write(IAnsiConsole console, Exception exception)
    {
        switch (exception)
        {
            case CliException e:
                Line(console, e.Message, e.Hint);
                return e.ExitCode;
            case HutongApiException { Status: 401 } e:
                Line(console, e.Problem?.Title ?? "The session ended.", "Run `hutong login` again (or renew HUTONG_TOKEN).");
                return ExitCodes.Unavailable;
            case HutongApiException { Problem.File: not null } e:
                console.MarkupLineInterpolated($"[red]error:[/] {PackageError(e.Problem!)}");
                return ExitCodes.Refused;
            case HutongApiException { Status: >= 400 and < 500 } e:
                Problem(console, e);
                return ExitCodes.Refused;
            case HutongApiException e:
                Problem(console, e);
                return ExitCodes.Unavailable;
            case HttpRequestException e:
                Line(console, $"Cannot reach the server: {Reason(e)}", "Check the address (`hutong login --server`, HUTONG_SERVER) and that the server runs.");
                return ExitCodes.Unavailable;
            case TaskCanceledException:
                Line(console, "The server did not answer in time.", null);
                return ExitCodes.Unavailable;
            case IOException or UnauthorizedAccessException:
                Line(console, exception.Message, null);
                return ExitCodes.Usage;
            default:
                throw exception;
        }
    }

    /// <summary><c>file:line:column: message</c>; the position is left out where the problem is the file as a whole.</summary>
    public static string PackageError(ProblemBody problem)
    {
        var file = problem.File is { Length: > 0 } named ? named : "package";
        var where = problem.Line is > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{file}:{problem.Line}:{problem.Column ?? 0}")
            : file;
        var message = problem.Detail ?? problem.Title ?? "The package was refused.";
        // The server's detail already starts with the place ("app.json:0:0: ..."); say the place once.
        var prefix = string.Create(CultureInfo.InvariantCulture, $"{problem.File}:{problem.Line ?? 0}:{problem.Column ?? 0}: ");
        if (message.StartsWith(prefix, StringComparison.Ordinal))
        {
            message = message[prefix.Length..];
        }

        return $"{where}: {message}";
    }

    private static void Problem(IAnsiConsole console, HutongApiException e)
    {
        var problem = e.Problem;
        var title = problem?.Title ?? "The server refused the request.";
        console.MarkupLineInterpolated($"[red]error:[/] {title} [grey]({problem?.Code ?? "no_code"}, {e.Status})[/]");
        if (problem?.Detail is { Length: > 0 } detail)
        {
            console.MarkupLineInterpolated($"  {detail}");
        }

        foreach (var (field, messages) in problem?.Errors ?? new Dictionary<string, string[]>())
        {
            foreach (var message in messages)
            {
                console.MarkupLineInterpolated($"  [yellow]{field}[/]: {message}");
            }
        }

        if (problem?.RetryAfter is { } wait)
        {
            console.MarkupLineInterpolated($"  Try again in {wait} s.");
        }
    }

    private static void Line(IAnsiConsole console, string message, string? hint)
    {
        console.MarkupLineInterpolated($"[red]error:[/] {message}");
        if (hint is not null)
        {
            console.MarkupLineInterpolated($"  [grey]{hint}[/]");
        }
    }

    private static string Reason(HttpRequestException e) => e.InnerException switch
    {
        SocketException socket => socket.Message,
        { } inner => inner.Message,
        null => e.Message,
    };
}
