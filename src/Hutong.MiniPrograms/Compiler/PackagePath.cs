namespace Hutong.MiniPrograms.Compiler;

/// <summary>Paths inside a package: '/'-separated, relative to the package root, never leaving it.</summary>
public static class PackagePath
{
    /// <summary>
    /// Resolves <paramref name="reference"/> as written in <paramref name="fromFile"/>: a leading '/' starts at the
    /// package root, anything else at the file's folder. Returns null when the path would leave the package.
    /// </summary>
    public static string? Resolve(string fromFile, string reference)
    {
        ArgumentNullException.ThrowIfNull(fromFile);
        ArgumentNullException.ThrowIfNull(reference);
        var parts = new List<string>();
        if (!reference.StartsWith('/'))
        {
            parts.AddRange(fromFile.Split('/', StringSplitOptions.RemoveEmptyEntries).SkipLast(1));
        }

        foreach (var part in reference.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        return parts.Count == 0 ? null : string.Join('/', parts);
    }
}
