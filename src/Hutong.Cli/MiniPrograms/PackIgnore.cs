using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Hutong.Cli.MiniPrograms;

/// <summary>
/// What packing leaves out of a project: dot-files and dot-folders (.git, .gitignore), <c>node_modules</c>,
/// <c>project.private.config.json</c> (a person's own devtools settings), and the rules of project.config.json's
/// <c>packOptions.ignore</c> as WeChat's devtools read them (<c>file</c>, <c>folder</c>, <c>suffix</c>, <c>prefix</c>,
/// <c>regexp</c>). Whatever else the folder holds goes up, and the server refuses what a package may not hold.
/// </summary>
internal sealed class PackIgnore
{
    private readonly List<Func<string, bool>> _rules = [];

    public static PackIgnore From(JsonObject? config)
    {
        var ignore = new PackIgnore();
        if (config?["packOptions"]?["ignore"] is not JsonArray rules)
        {
            return ignore;
        }

        foreach (var rule in rules.OfType<JsonObject>())
        {
            var value = rule["value"] is JsonValue v && v.TryGetValue<string>(out var text) ? text.Trim().TrimStart('.', '/') : null;
            var type = rule["type"] is JsonValue t && t.TryGetValue<string>(out var kind) ? kind : null;
            if (value is not { Length: > 0 })
            {
                continue;
            }

            Func<string, bool>? matches = type switch
            {
                "file" => path => path == value,
                "folder" => path => path.StartsWith(value.TrimEnd('/') + "/", StringComparison.Ordinal),
                "suffix" => path => path.EndsWith(value, StringComparison.Ordinal),
                "prefix" => path => Path.GetFileName(path).StartsWith(value, StringComparison.Ordinal),
                "regexp" => Regex(rule["value"]!.GetValue<string>()),
                _ => null,
            };
            if (matches is not null)
            {
                ignore._rules.Add(matches);
            }
        }

        return ignore;
    }

    /// <summary>Whether the file at <paramref name="path"/> (relative to the project, '/'-separated) goes into the package.</summary>
    public bool Includes(string path)
    {
        var parts = path.Split('/');
        if (Array.Exists(parts, p => p.StartsWith('.') || p == "node_modules") || path == "project.private.config.json")
        {
            return false;
        }

        return !_rules.Exists(rule => rule(path));
    }

    /// <summary>Whether a folder's contents may go into the package at all (so packing and watching skip the rest).</summary>
    public static bool Enters(string folderName) => !folderName.StartsWith('.') && folderName != "node_modules";

    private static Func<string, bool> Regex(string pattern)
    {
        var regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return path => regex.IsMatch(path);
    }
}
