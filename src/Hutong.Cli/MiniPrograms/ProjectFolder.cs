using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hutong.Cli.MiniPrograms;

/// <summary>
/// A mini-program's project folder, laid out as WeChat's devtools keep it: <c>app.json</c> (a game's <c>game.json</c>)
/// at the root, and the app id
/// in <c>project.config.json</c> (<c>"appid": "wx..."</c>), with what packing leaves out in its <c>packOptions.ignore</c>.
/// </summary>
internal sealed class ProjectFolder
{
    public const string ConfigFile = "project.config.json";

    private ProjectFolder(string directory, JsonObject? config)
    {
        Directory = directory;
        Config = config;
        Ignore = PackIgnore.From(config);
    }

    public string Directory { get; }

    /// <summary>The app id in project.config.json, or null when it has none yet (or WeChat's "touristappid").</summary>
    public string? AppId => Config?["appid"] is JsonValue value && value.TryGetValue<string>(out var id) && id.Length > 0 && id != "touristappid"
        ? id
        : null;

    public PackIgnore Ignore { get; }

    private JsonObject? Config { get; }

    /// <summary>Whether <paramref name="directory"/> holds a project: app.json, game.json or project.config.json.</summary>
    public static bool IsProject(string directory) =>
        File.Exists(Path.Combine(directory, "app.json")) || IsGame(directory) || File.Exists(Path.Combine(directory, ConfigFile));

    /// <summary>Whether <paramref name="directory"/> holds a mini-game's project (its game.json).</summary>
    public static bool IsGame(string directory) => File.Exists(Path.Combine(directory, "game.json"));

    /// <summary>The project in <paramref name="directory"/>; none there is a usage error.</summary>
    public static ProjectFolder Open(string directory)
    {
        if (!IsProject(directory))
        {
            throw CliException.Usage(
                $"No mini-program project in {directory} (no app.json, game.json or {ConfigFile}).",
                "Run this in the project's folder, pass --dir, or make one with `hutong mp new <name>`.");
        }

        var path = Path.Combine(directory, ConfigFile);
        if (!File.Exists(path))
        {
            return new ProjectFolder(directory, null);
        }

        try
        {
            return new ProjectFolder(directory, JsonNode.Parse(File.ReadAllText(path)) as JsonObject
                ?? throw CliException.Usage($"{path} is not a JSON object."));
        }
        catch (JsonException e)
        {
            throw CliException.Usage($"{path}:{e.LineNumber + 1}: {e.Message}");
        }
    }

    /// <summary>The app id to act on: <c>--app</c>, else project.config.json's.</summary>
    public string RequireAppId(string? given) => given ?? AppId ?? throw CliException.Usage(
        $"{ConfigFile} in {Directory} has no appid.",
        "Pass --app wx..., or write the app's id into project.config.json (`hutong mp list` outside a project lists yours).");

    /// <summary>Writes the app id into project.config.json, keeping everything else in it.</summary>
    public static void WriteAppId(string directory, string appId)
    {
        var path = Path.Combine(directory, ConfigFile);
        var config = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? [] : [];
        config["appid"] = appId;
        File.WriteAllText(path, config.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }
}
