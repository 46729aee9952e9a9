using System.Security;
using System.Text.Json.Nodes;

namespace Hutong.Cli.MiniPrograms;

/// <summary>
/// The project <c>hutong mp new</c> writes: two pages in a tab bar, a counter with <c>bindtap</c>, a <c>wx:for</c>
/// list and <c>wx:if</c>, styles in rpx, project.config.json and a README with the next steps. With <c>--game</c>, a
/// mini-game instead: a canvas game with touches and a friends' board drawn by its open data context. The files are
/// embedded resources under <c>Template/</c> and <c>GameTemplate/</c>; <c>__NAME__</c> in them becomes the app's name.
/// </summary>
internal static class Template
{
    private const string Placeholder = "__NAME__";

    /// <summary>Writes the template into <paramref name="directory"/> and returns the files written, relative to it.</summary>
    public static IReadOnlyList<string> Write(string directory, string name, bool game = false)
    {
        var prefix = game ? "game-template/" : "template/";
        var assembly = typeof(Template).Assembly;
        var written = new List<string>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var path = resource[prefix.Length..].Replace('\\', '/');
            // A dot-file would not survive every packing of this tool's own package; it is stored without its dot.
            path = path == "gitignore" ? ".gitignore" : path;
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var text = Fill(path, reader.ReadToEnd(), name);
            var target = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, text);
            written.Add(path);
        }

        return written;
    }

    private static string Fill(string path, string text, string name) => Path.GetExtension(path) switch
    {
        ".json" => text.Replace($"\"{Placeholder}\"", JsonValue.Create(name).ToJsonString(), StringComparison.Ordinal),
        // A string literal gets the name as JSON (a JavaScript string); elsewhere it is in a line comment.
        ".js" => text.Replace($"\"{Placeholder}\"", JsonValue.Create(name).ToJsonString(), StringComparison.Ordinal).Replace(Placeholder, name, StringComparison.Ordinal),
        ".wxml" => text.Replace(Placeholder, SecurityElement.Escape(name).Replace("{{", "{ {", StringComparison.Ordinal), StringComparison.Ordinal),
        _ => text.Replace(Placeholder, name, StringComparison.Ordinal),
    };
}
