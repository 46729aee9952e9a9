using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hutong.MiniPrograms.Compiler;

namespace Hutong.MiniPrograms.Packages;

/// <summary>
/// What every package build shares: its files read as UTF-8 text or JSON (with errors at their line and column), and
/// the JavaScript modules bundled for a worker.
/// </summary>
internal abstract class PackageSource(IReadOnlyDictionary<string, byte[]> files)
{
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 64 };

    private readonly Dictionary<string, string> texts = new(StringComparer.Ordinal);

    /// <summary>Package-relative paths ('/'-separated) to their bytes.</summary>
    protected IReadOnlyDictionary<string, byte[]> Files { get; } = files;

    /// <summary>
    /// <paramref name="scripts"/> wrapped as modules of one bundle (<c>__hutong_define("path.js", function (require,
    /// module, exports) { ... })</c>), each able to require only the others, then <c>__hutong_start(entries)</c>.
    /// </summary>
    protected string Bundle(IReadOnlyList<string> scripts, IEnumerable<string> entries)
    {
        var bundle = new StringBuilder();
        var known = scripts.ToHashSet(StringComparer.Ordinal);
        foreach (var path in scripts)
        {
            bundle.Append(JsModule.Wrap("__hutong_define", path, Text(path), name => ResolveModule(known, path, name)));
        }

        bundle.Append("__hutong_start(").Append(JsonSerializer.Serialize(entries.ToList())).Append(");\n");
        return bundle.ToString();
    }

    private static string? ResolveModule(HashSet<string> known, string from, string name)
    {
        if (PackagePath.Resolve(from, name) is not { } path)
        {
            return null;
        }

        foreach (var candidate in new[] { path, path + ".js", path + "/index.js" })
        {
            if (known.Contains(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    protected JsonNode? ReadJson(string file)
    {
        Require(file, "the package");
        var bytes = Files[file];
        try
        {
            return JsonNode.Parse(bytes, documentOptions: JsonOptions);
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            var column = (int)(e.BytePositionInLine ?? 0) + 1;
            throw new CompileException(new CompileError(file, line, column, "invalid JSON: " + FirstSentence(e.Message)));
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }

    protected string Text(string file)
    {
        if (!texts.TryGetValue(file, out var text))
        {
            Require(file, "the package");
            try
            {
                text = new UTF8Encoding(false, true).GetString(Files[file]).TrimStart('\uFEFF');
            }
            catch (DecoderFallbackException)
            {
                throw Error(file, "the file is not UTF-8 text");
            }

            texts[file] = text;
        }

        return text;
    }

    protected bool Exists(string file) => Files.ContainsKey(file);

    protected void Require(string file, string neededBy)
    {
        if (!Exists(file))
        {
            throw Error(file, $"missing file '{file}' (needed by {neededBy})");
        }
    }

    protected void RequireFrom(string referrer, string needle, string file)
    {
        if (!Exists(file))
        {
            throw ErrorAt(referrer, needle, $"missing file '{file}'");
        }
    }

    protected static CompileException Error(string file, string message) =>
        new(new CompileError(file, 1, 1, message));

    /// <summary>An error at the first place <paramref name="needle"/> (a JSON key or value) is written in the file.</summary>
    protected CompileException ErrorAt(string file, string needle, string message)
    {
        var text = Text(file);
        var quoted = JsonSerializer.Serialize(needle);
        var offset = text.IndexOf(quoted, StringComparison.Ordinal);
        if (offset < 0)
        {
            offset = text.IndexOf(needle, StringComparison.Ordinal);
        }

        if (offset < 0)
        {
            return Error(file, message);
        }

        var (line, column) = new SourceText(file, text).Position(offset);
        return new CompileException(new CompileError(file, line, column, message));
    }
}
