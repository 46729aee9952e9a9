namespace Hutong.Cli;

/// <summary>A problem the tool reports itself, with the exit code it ends with and an optional hint of what to do.</summary>
internal sealed class CliException(int exitCode, string message, string? hint = null) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    public string? Hint { get; } = hint;

    public static CliException Usage(string message, string? hint = null) => new(ExitCodes.Usage, message, hint);

    public static CliException NotSignedIn() =>
        new(ExitCodes.Unavailable, "Not signed in.", "Run `hutong login`, or set HUTONG_TOKEN (and HUTONG_SERVER).");
}
