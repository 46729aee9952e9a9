using System.IO.Compression;
using Hutong.MiniPrograms.Compiler;

namespace Hutong.MiniPrograms.Packages;

/// <summary>
/// Reads an uploaded package (a zip) into its files, refusing what a package may not hold: paths that leave it or
/// are not plain relative paths, file types outside <see cref="AllowedExtensions"/>, two files whose names differ only
/// in case, and more bytes or files than the limits. Sizes are counted while inflating, never taken from the zip's
/// own headers, so a zip bomb stops at the limit. Folders the packing tool adds (<c>__MACOSX/</c>, <c>.DS_Store</c>)
/// are left out, and a zip of the project folder (one top folder holding the config file, <c>app.json</c> or a game's
/// <c>game.json</c>) is read from inside it.
/// </summary>
public static class PackageArchive
{
    /// <summary>What a package may hold: its code, styles, data and the media it shows or plays.</summary>
    public static readonly IReadOnlySet<string> AllowedExtensions = new HashSet<string>(StringComparer.Ordinal)
    {
        ".js", ".json", ".wxml", ".wxss", ".wxs",
        ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".ico",
        ".mp3", ".m4a", ".aac", ".wav", ".ogg", ".mp4", ".webm",
        ".ttf", ".otf", ".woff", ".woff2", ".txt", ".bin",
    };

    /// <summary>
    /// The package's files by path, or throws <see cref="CompileException"/> naming the file at fault.
    /// <paramref name="configFile"/> is the file every package has at its root: <c>app.json</c>, or a game's <c>game.json</c>.
    /// </summary>
    /// <exception cref="CompileException">The upload is not a zip, or holds something a package may not.</exception>
    public static IReadOnlyDictionary<string, byte[]> Read(Stream zip, long maxBytes, int maxFiles, string configFile = "app.json")
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            throw Refused("", "The package is not a zip file.");
        }

        using (archive)
        {
            var entries = archive.Entries.Where(e => !IsFolder(e.FullName) && !IsPackingNoise(e.FullName)).ToList();
            var root = CommonRoot(entries, configFile);
            var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            long total = 0;
            foreach (var entry in entries)
            {
                var path = Normalise(entry.FullName[root.Length..]);
                if (!names.Add(path))
                {
                    throw Refused(path, "Two files in the package have this name (names differ only in case, or repeat).");
                }

                if (!AllowedExtensions.Contains(Path.GetExtension(path).ToLowerInvariant()))
                {
                    throw Refused(path, $"A package holds only these file types: {string.Join(' ', AllowedExtensions)}.");
                }

                if (files.Count == maxFiles)
                {
                    throw Refused(path, $"A package holds at most {maxFiles} files.");
                }

                var bytes = Inflate(entry, path, maxBytes - total);
                total += bytes.Length;
                files.Add(path, bytes);
            }

            if (!files.ContainsKey(configFile))
            {
                throw Refused(configFile, $"The package has no {configFile} at its root.");
            }

            return files;
        }
    }

    private static string Normalise(string name)
    {
        var path = name.Replace('\\', '/');
        if (path.StartsWith('/') || path.Contains(':', StringComparison.Ordinal) || path.Any(char.IsControl))
        {
            throw Refused(Printable(name), "A file's path in the package must be relative, without a drive or control characters.");
        }

        var parts = path.Split('/');
        if (parts.Any(p => p is "" or "." or ".."))
        {
            throw Refused(Printable(name), "A file's path in the package may not step out of its folder ('..', '.' or an empty part).");
        }

        return path;
    }

    private static byte[] Inflate(ZipArchiveEntry entry, string path, long allowance)
    {
        using var source = entry.Open();
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        try
        {
            while ((read = source.Read(chunk)) > 0)
            {
                if (buffer.Length + read > allowance)
                {
                    throw Refused(path, "The package is larger than a package may be, unpacked.");
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (InvalidDataException)
        {
            throw Refused(path, "The file is damaged in the zip.");
        }

        return buffer.ToArray();
    }

    /// <summary>The one top folder every file is in when it holds the config file (a zipped project folder), else "".</summary>
    private static string CommonRoot(List<ZipArchiveEntry> entries, string configFile)
    {
        if (entries.Count == 0 || entries.Exists(e => e.FullName.Replace('\\', '/') == configFile))
        {
            return "";
        }

        var first = entries[0].FullName.Replace('\\', '/');
        var slash = first.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            return "";
        }

        var root = first[..(slash + 1)];
        return entries.TrueForAll(e => e.FullName.Replace('\\', '/').StartsWith(root, StringComparison.Ordinal))
            && entries.Exists(e => e.FullName.Replace('\\', '/') == root + configFile)
            ? root
            : "";
    }

    private static bool IsFolder(string name) => name.EndsWith('/') || name.EndsWith('\\');

    private static bool IsPackingNoise(string name)
    {
        var path = name.Replace('\\', '/');
        var file = path[(path.LastIndexOf('/') + 1)..];
        return path.StartsWith("__MACOSX/", StringComparison.Ordinal) || file is ".DS_Store" or "Thumbs.db" or "desktop.ini";
    }

    private static string Printable(string name) => new([.. name.Select(c => char.IsControl(c) ? '?' : c)]);

    private static CompileException Refused(string file, string message) => new(new CompileError(file, 0, 0, message));
}
