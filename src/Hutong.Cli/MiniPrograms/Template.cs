using System.Security;
using System.Text.Json.Nodes;

namespace Hutong.Cli.MiniPrograms;

/// <summary>
/// The project <c>hutong mp new</c> writes: two pages in a tab bar, a counter with <c>bindtap</c>, a <c>wx:for</c>
/// list and <c>wx:if</c>, styles in rpx, project.config.json and a README with the next steps. The files are embedded
/// resources under <c>Template/</c>; <c>__NAME__</c> in them becomes the app's name.
/// </summary>
internal static class Template
{
    private const string Prefix = "template/";
    private const string Placeholder = "__NAME__";

    /// <summary>Writes the template into <paramref name="directory"/> and returns the files written, relative to it.</summary>
    public static IReadOnlyList<string> Write(string directory, string name)
    {
        var assembly = typeof(Template).Assembly;
        var written = new List<string>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var path = resource[Prefix.Length..].Replace('\\', '/');
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
        ".wxml" => text.Replace(Placeholder, SecurityElement.Escape(name).Replace("{{", "{ {", StringComparison.Ordinal), StringComparison.Ordinal),
        _ => text.Replace(Placeholder, name, StringComparison.Ordinal),
    };
}
