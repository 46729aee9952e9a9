using System.IO.Compression;

namespace Hutong.Booking.Tests;

/// <summary>The sample's mini-program folder (samples/booking/miniprogram), read as the CLI packs it.</summary>
internal static class SampleFolder
{
    public static string Path { get; } = Find();

    /// <summary>Every file of the package by its '/'-separated path; dot-files stay out, as the CLI leaves them.</summary>
    public static IReadOnlyDictionary<string, byte[]> Files() =>
        Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories)
            .Select(file => System.IO.Path.GetRelativePath(Path, file).Replace('\\', '/'))
            .Where(relative => !relative.Split('/').Any(part => part.StartsWith('.')))
            .ToDictionary(relative => relative, relative => File.ReadAllBytes(System.IO.Path.Combine(Path, relative)), StringComparer.Ordinal);

    public static MemoryStream Zip()
    {
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, bytes) in Files())
            {
                using var entry = archive.CreateEntry(path, CompressionLevel.Fastest).Open();
                entry.Write(bytes);
            }
        }

        zip.Position = 0;
        return zip;
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var folder = System.IO.Path.Combine(dir.FullName, "samples", "booking", "miniprogram");
            if (File.Exists(System.IO.Path.Combine(folder, "app.json")))
            {
                return folder;
            }
        }

        throw new DirectoryNotFoundException("samples/booking/miniprogram was not found above the test's folder.");
    }
}
