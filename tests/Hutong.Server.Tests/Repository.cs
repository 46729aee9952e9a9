namespace Hutong.Server.Tests;

/// <summary>The checkout the tests run from: the folder above the test binaries that holds <c>Hutong.slnx</c>.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir.FullName, "Hutong.slnx")))
        {
            dir = dir.Parent ?? throw new InvalidOperationException($"No Hutong.slnx above {AppContext.BaseDirectory}.");
        }

        return Path.TrimEndingDirectorySeparator(dir.FullName);
    }
}
