using System.Reflection;

namespace Hutong.BrowserTests;

/// <summary>Where the build put what the tests run: the server, axe-core, and the repository.</summary>
internal static class TestPaths
{
    public static string Server => Path.GetFullPath(Metadata("HutongServer"));

    public static string Axe => Path.GetFullPath(Metadata("AxeScript"));

    /// <summary>Screenshots of the key screens; <c>HUTONG_SCREENSHOTS=docs/screenshots</c> refreshes the README's.</summary>
    public static string Screenshots =>
        Path.GetFullPath(Environment.GetEnvironmentVariable("HUTONG_SCREENSHOTS") is { Length: > 0 } dir
            ? Path.Combine(Metadata("RepositoryRoot"), dir)
            : Path.Combine(Metadata("RepositoryRoot"), "artifacts", "screenshots"));

    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
