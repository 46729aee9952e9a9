using System.Globalization;
using System.Runtime.InteropServices;

namespace Hutong.Bench;

/// <summary>
/// The per-process open-file limit (RLIMIT_NOFILE): every connection is a file descriptor on both sides, and the
/// systems under test inherit the generator's limit when it starts them.
/// </summary>
internal static class OpenFiles
{
    private const int NoFile = 7;

    /// <summary>Raises the limit to at least <paramref name="needed"/>, or explains why it cannot be.</summary>
    public static void Require(int needed)
    {
        if (getrlimit(NoFile, out var limit) != 0)
        {
            throw new InvalidOperationException($"getrlimit failed ({Marshal.GetLastPInvokeError()}).");
        }

        if (limit.Current >= (ulong)needed)
        {
            return;
        }

        // Raising the hard limit takes CAP_SYS_RESOURCE (root, outside a restricted container); the soft one needs nothing.
        if (setrlimit(NoFile, new Limit((ulong)needed, Math.Max(limit.Max, (ulong)needed))) != 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"This run needs about {needed:N0} open files per process, but the hard limit is {limit.Max:N0} and cannot be raised here (errno {Marshal.GetLastPInvokeError()}; raising it takes root with CAP_SYS_RESOURCE, e.g. `ulimit -Hn {needed}` before the run). Ask for fewer connections."));
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct Limit(ulong Current, ulong Max);

    // DllImport rather than LibraryImport: the generated marshalling would need unsafe code in the project for two calls.
    [DllImport("libc", SetLastError = true)]
    private static extern int getrlimit(int resource, out Limit limit);

    [DllImport("libc", SetLastError = true)]
    private static extern int setrlimit(int resource, in Limit limit);
}
