using System.Reflection;

namespace Hutong.BrowserTests;

/// <summary>Where the build put what the tests run (the server's is NodeProcess's): the developer tool, the samples, axe-core, and the repository.</summary>
internal static class TestPaths
{
    /// <summary>The developer tool's build output, run as <c>dotnet Hutong.Cli.dll</c>.</summary>
    public static string Cli => Path.GetFullPath(Metadata("HutongCli"));

    /// <summary>The booking sample's backend (samples/booking/backend), run as <c>dotnet Booking.dll</c>.</summary>
    public static string BookingBackend => Path.GetFullPath(Metadata("BookingBackend"));

    /// <summary>The official-account shop sample (samples/oa-shop), run as <c>dotnet OaShop.dll</c>.</summary>
    public static string OaShop => Path.GetFullPath(Metadata("OaShop"));

    /// <summary>The booking sample's mini-program folder.</summary>
    public static string BookingMiniProgram => Path.GetFullPath(Path.Combine(Metadata("RepositoryRoot"), "samples", "booking", "miniprogram"));

    /// <summary>The tap game sample's folder (samples/tap-game).</summary>
    public static string TapGame => Path.GetFullPath(Path.Combine(Metadata("RepositoryRoot"), "samples", "tap-game"));

    public static string Axe => Path.GetFullPath(Metadata("AxeScript"));

    /// <summary>Screenshots of the key screens; <c>HUTONG_SCREENSHOTS=docs/screenshots</c> refreshes the README's.</summary>
    public static string Screenshots =>
        Path.GetFullPath(Environment.GetEnvironmentVariable("HUTONG_SCREENSHOTS") is { Length: > 0 } dir
            ? Path.Combine(Metadata("RepositoryRoot"), dir)
            : Path.Combine(Metadata("RepositoryRoot"), "artifacts", "screenshots"));

    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
