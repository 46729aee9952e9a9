using System.IO.Compression;

namespace Hutong.Cli.MiniPrograms;

/// <summary>
/// Zips a project folder into a package: files in ordinal order of their paths, each with the same timestamp, so the
/// same folder always makes the same bytes.
/// </summary>
internal static class Packer
{
    private static readonly DateTimeOffset Stamp = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static MemoryStream Pack(ProjectFolder project)
    {
        var files = Files(project).ToList();
        files.Sort(StringComparer.Ordinal);
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var path in files)
            {
                var entry = archive.CreateEntry(path, CompressionLevel.Optimal);
                entry.LastWriteTime = Stamp;
                using var target = entry.Open();
                using var source = File.OpenRead(Path.Combine(project.Directory, path));
                source.CopyTo(target);
            }
        }

        zip.Position = 0;
        return zip;
    }

    /// <summary>The package's files, relative to the project and '/'-separated; excluded folders are never entered.</summary>
    public static IEnumerable<string> Files(ProjectFolder project)
    {
        var pending = new Stack<string>([project.Directory]);
        while (pending.TryPop(out var folder))
        {
            foreach (var file in Directory.EnumerateFiles(folder))
            {
                var path = Relative(project, file);
                if (project.Ignore.Includes(path))
                {
                    yield return path;
                }
            }

            foreach (var sub in Directory.EnumerateDirectories(folder))
            {
                if (PackIgnore.Enters(Path.GetFileName(sub)) && !new FileInfo(sub).Attributes.HasFlag(FileAttributes.ReparsePoint))
                {
                    pending.Push(sub);
                }
            }
        }
    }

    public static string Relative(ProjectFolder project, string fullPath) =>
        Path.GetRelativePath(project.Directory, fullPath).Replace('\\', '/');
}
