namespace Hutong.Cli;

/// <summary>What <c>hutong</c> exits with, for scripts (README "Mini-program developer tool").</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A usage or local problem: bad arguments, no project in the folder, no app id.</summary>
    public const int Usage = 1;

    /// <summary>The server refused the request (a 4xx other than 401): a package error, a version in the wrong state.</summary>
    public const int Refused = 2;

    /// <summary>The server cannot be reached or failed (5xx), or nobody is signed in, or the session ended (401).</summary>
    public const int Unavailable = 3;

    /// <summary>Stopped by Ctrl+C before the command finished (<c>mp dev</c> ends this way normally, with 0).</summary>
    public const int Cancelled = 130;
}
