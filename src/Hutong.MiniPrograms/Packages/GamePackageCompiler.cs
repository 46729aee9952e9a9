using System.Text.Json.Nodes;
using Hutong.MiniPrograms.Compiler;

namespace Hutong.MiniPrograms.Packages;

/// <summary>
/// A mini-game package compiled for the game runtime; every member is deterministic for the same input files.
/// </summary>
/// <param name="Config">
/// The normalised <c>game.json</c>: <c>deviceOrientation</c> (<c>portrait</c> or <c>landscape</c>), <c>showStatusBar</c>,
/// <c>networkTimeout</c> (milliseconds for <c>request</c>, <c>connectSocket</c>, <c>uploadFile</c>, <c>downloadFile</c>),
/// <c>subpackages</c> (<c>name</c> and <c>root</c>) and, when the game has one, <c>openDataContext</c> (its folder).
/// </param>
/// <param name="GameJs">Every script outside the open data context as one bundle, started at <c>game.js</c>.</param>
/// <param name="OpenDataJs">The open data context's scripts as a bundle started at its <c>index.js</c>, or null.</param>
/// <param name="Assets">Every file but scripts and the configs (images, audio, data), by package path.</param>
public sealed record CompiledGame(string Config, string GameJs, string? OpenDataJs, IReadOnlyDictionary<string, byte[]> Assets);

/// <summary>
/// Compiles a mini-game package: <c>game.json</c> and <c>game.js</c> at its root, and an open data context folder when
/// <c>game.json</c> names one. The two contexts are bundled apart, so neither can require the other's code: the open
/// data context sees friends' data the game must never read. The caller has already checked paths, sizes and types.
/// </summary>
public static class GamePackageCompiler
{
    /// <summary>WeChat's default and largest network timeout.</summary>
    public const int MaxNetworkTimeout = 60_000;

    private static readonly string[] TimeoutKeys = ["request", "connectSocket", "uploadFile", "downloadFile"];

    /// <exception cref="CompileException">The first problem found, naming its file and position.</exception>
    public static CompiledGame Compile(IReadOnlyDictionary<string, byte[]> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return new Build(files).Run();
    }

    /// <summary>The folders of <c>game.json</c>'s subpackages ('/'-terminated), for the main package's size; none when unreadable.</summary>
    public static IReadOnlyList<string> SubpackageRoots(IReadOnlyDictionary<string, byte[]> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        try
        {
            return [.. new Build(files).ReadSubpackages().Select(s => s.Root.EndsWith(".js", StringComparison.Ordinal) ? s.Root : s.Root + "/")];
        }
        catch (CompileException)
        {
            // The compiler reports a broken game.json with its position; the size check has nothing to add.
            return [];
        }
    }

    private sealed class Build(IReadOnlyDictionary<string, byte[]> files) : PackageSource(files)
    {
        private JsonObject? game;

        public CompiledGame Run()
        {
            var json = Game();
            Require("game.js", "a mini-game: its code starts there");
            var config = new JsonObject
            {
                ["deviceOrientation"] = Orientation(json),
                ["showStatusBar"] = Flag(json, "showStatusBar"),
                ["networkTimeout"] = Timeouts(json),
                ["subpackages"] = new JsonArray([.. ReadSubpackages().Select(s => (JsonNode)new JsonObject { ["name"] = s.Name, ["root"] = s.Root })]),
            };

            var openData = OpenDataFolder(json);
            var scripts = Files.Keys.Where(p => p.EndsWith(".js", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
            string? openDataJs = null;
            if (openData is not null)
            {
                config["openDataContext"] = openData;
                var inside = scripts.Where(p => p.StartsWith(openData + "/", StringComparison.Ordinal)).ToList();
                scripts = [.. scripts.Except(inside)];
                openDataJs = Bundle(inside, [openData + "/index.js"]);
            }

            var assets = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var (path, bytes) in Files)
            {
                if (!path.EndsWith(".js", StringComparison.Ordinal) && path is not ("game.json" or "project.config.json" or "project.private.config.json"))
                {
                    assets[path] = bytes;
                }
            }

            return new CompiledGame(config.ToJsonString(), Bundle(scripts, ["game.js"]), openDataJs, assets);
        }

        public List<(string Name, string Root)> ReadSubpackages()
        {
            var json = Game();
            var list = json["subpackages"] ?? json["subPackages"];
            var result = new List<(string, string)>();
            if (list is null)
            {
                return result;
            }

            if (list is not JsonArray array)
            {
                throw ErrorAt("game.json", "subpackages", "subpackages is a list of { name, root }");
            }

            foreach (var item in array)
            {
                if (item is not JsonObject entry || entry["root"] is not JsonValue rootValue || !rootValue.TryGetValue<string>(out var rootText))
                {
                    throw ErrorAt("game.json", "subpackages", "each subpackage has a \"root\": a folder, or a .js file");
                }

                var root = rootText.Trim('/');
                if (root.Length == 0 || PackagePath.Resolve("game.json", root) is null)
                {
                    throw ErrorAt("game.json", rootText, $"subpackage root '{rootText}' is not a folder of the package");
                }

                // A folder subpackage starts at its own game.js, as WeChat's; a file root is the script itself.
                RequireFrom("game.json", rootText, root.EndsWith(".js", StringComparison.Ordinal) ? root : root + "/game.js");
                var name = entry["name"] is JsonValue nameValue && nameValue.TryGetValue<string>(out var n) ? n : root;
                if (result.Exists(r => r.Item1 == name || r.Item2 == root))
                {
                    throw ErrorAt("game.json", rootText, $"subpackage '{name}' is listed twice");
                }

                result.Add((name, root));
            }

            return result;
        }

        private JsonObject Game() =>
            game ??= ReadJson("game.json") as JsonObject ?? throw Error("game.json", "game.json must be a JSON object");

        private string Orientation(JsonObject json)
        {
            if (json["deviceOrientation"] is null)
            {
                return "portrait";
            }

            return json["deviceOrientation"] is JsonValue value && value.TryGetValue<string>(out var text) && text is "portrait" or "landscape"
                ? text
                : throw ErrorAt("game.json", "deviceOrientation", "deviceOrientation is \"portrait\" or \"landscape\"");
        }

        private bool Flag(JsonObject json, string key) => json[key] switch
        {
            null => false,
            JsonValue value when value.TryGetValue<bool>(out var flag) => flag,
            _ => throw ErrorAt("game.json", key, $"{key} is true or false"),
        };

        private JsonObject Timeouts(JsonObject json)
        {
            var given = json["networkTimeout"];
            if (given is not (null or JsonObject))
            {
                throw ErrorAt("game.json", "networkTimeout", "networkTimeout is an object of milliseconds, as { \"request\": 10000 }");
            }

            var timeouts = new JsonObject();
            foreach (var key in TimeoutKeys)
            {
                var value = given?[key];
                if (value is null)
                {
                    timeouts[key] = MaxNetworkTimeout;
                }
                else if (value is JsonValue number && number.TryGetValue<int>(out var ms) && ms is > 0 and <= MaxNetworkTimeout)
                {
                    timeouts[key] = ms;
                }
                else
                {
                    throw ErrorAt("game.json", key, $"networkTimeout.{key} is 1 to {MaxNetworkTimeout} milliseconds");
                }
            }

            return timeouts;
        }

        private string? OpenDataFolder(JsonObject json)
        {
            if (json["openDataContext"] is null)
            {
                return null;
            }

            if (json["openDataContext"] is not JsonValue value || !value.TryGetValue<string>(out var text)
                || text.Trim('/') is not { Length: > 0 } folder || PackagePath.Resolve("game.json", folder) is null || folder.EndsWith(".js", StringComparison.Ordinal))
            {
                throw ErrorAt("game.json", "openDataContext", "openDataContext is the folder of the open data context, as \"openDataContext\"");
            }

            RequireFrom("game.json", text, folder + "/index.js");
            if (ReadSubpackages().Exists(s => folder.StartsWith(s.Root + "/", StringComparison.Ordinal) || s.Root.StartsWith(folder + "/", StringComparison.Ordinal) || s.Root == folder))
            {
                throw ErrorAt("game.json", text, "the open data context is in the main package, not in a subpackage");
            }

            return folder;
        }
    }
}
