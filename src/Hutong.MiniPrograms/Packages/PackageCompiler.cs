using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hutong.MiniPrograms.Compiler;

namespace Hutong.MiniPrograms.Packages;

/// <summary>
/// Compiles a whole mini-program package (app.json, pages, components, WXML, WXSS, WXS and JavaScript) into the
/// artifacts the runtime loads. The caller has already checked paths, sizes and file types.
/// </summary>
public static class PackageCompiler
{
    private static readonly HashSet<string> SourceExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".js", ".json", ".wxml", ".wxss", ".wxs",
    };

    /// <summary>Compiles <paramref name="files"/>, package-relative paths ('/'-separated) to their bytes.</summary>
    /// <exception cref="CompileException">The first problem found, naming its file and position.</exception>
    public static CompiledPackage Compile(IReadOnlyDictionary<string, byte[]> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return new Build(files).Run();
    }

    private sealed class Build(IReadOnlyDictionary<string, byte[]> files) : PackageSource(files)
    {
        private readonly SortedDictionary<string, WxmlDocument> wxml = new(StringComparer.Ordinal);
        private readonly SortedDictionary<string, string> css = new(StringComparer.Ordinal);
        private readonly SortedDictionary<string, SortedDictionary<string, string>> usings = new(StringComparer.Ordinal);
        private readonly SortedSet<string> components = new(StringComparer.Ordinal);
        private Dictionary<string, string> globalComponents = new(StringComparer.Ordinal);

        public CompiledPackage Run()
        {
            var app = ReadJson("app.json") as JsonObject
                ?? throw Error("app.json", "app.json must be a JSON object");
            var pages = ReadPages(app);
            globalComponents = ReadUsingComponents("app.json", app);
            var window = app["window"] as JsonObject ?? [];
            var tabBar = ReadTabBar(app, pages);
            var entry = app["entryPagePath"] is JsonValue entryValue
                ? Route(entryValue.GetValue<string>())
                : pages[0];
            if (!pages.Contains(entry))
            {
                throw ErrorAt("app.json", "entryPagePath", $"entryPagePath '{entry}' is not one of the pages");
            }

            var pageConfigs = new JsonObject();
            foreach (var page in pages)
            {
                pageConfigs[page] = CompilePage(page, window);
            }

            var appCss = Exists("app.wxss") ? CompileWxss("app.wxss", []) : "";
            var config = new JsonObject
            {
                ["pages"] = new JsonArray([.. pages.Select(p => (JsonNode)p)]),
                ["entryPagePath"] = entry,
                ["window"] = window.DeepClone(),
                ["subpackages"] = SubpackagesJson(app),
                ["pageConfigs"] = pageConfigs,
                ["components"] = new JsonArray([.. components.Select(c => (JsonNode)c)]),
            };
            if (tabBar is not null)
            {
                config["tabBar"] = tabBar;
            }

            foreach (var key in new[] { "networkTimeout", "permission", "domains", "debug" })
            {
                if (app[key] is { } value)
                {
                    config[key] = value.DeepClone();
                }
            }

            var (wxsJs, wxsKeys) = CompileWxs();
            var view = new JsonObject
            {
                ["wxml"] = new JsonObject(wxml.Select(d => KeyValuePair.Create(d.Key, JsonSerializer.SerializeToNode(d.Value, MiniProgramJsonContext.Default.WxmlDocument)))),
                ["appCss"] = appCss,
                ["css"] = new JsonObject(css.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value))),
                ["using"] = new JsonObject(usings.Select(u => KeyValuePair.Create(u.Key,
                    (JsonNode?)new JsonObject(u.Value.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value)))))),
                ["wxs"] = new JsonArray([.. wxsKeys.Select(k => (JsonNode)k)]),
            };

            var assets = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var (path, bytes) in Files)
            {
                if (!SourceExtensions.Contains(Path.GetExtension(path)))
                {
                    assets[path] = bytes;
                }
            }

            return new CompiledPackage(
                config.ToJsonString(),
                view.ToJsonString(),
                CompileLogic(pages),
                wxsJs,
                assets);
        }

        private List<string> ReadPages(JsonObject app)
        {
            if (app["pages"] is not JsonArray { Count: > 0 } list)
            {
                throw Error("app.json", "app.json needs \"pages\": a non-empty list of page paths");
            }

            var pages = new List<string>();
            foreach (var item in list)
            {
                pages.Add(Route(item is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw Error("app.json", "each page is a path string")));
            }

            foreach (var (root, subPages) in Subpackages(app))
            {
                pages.AddRange(subPages.Select(p => root + "/" + p));
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var page in pages)
            {
                if (!seen.Add(page))
                {
                    throw ErrorAt("app.json", page, $"page '{page}' is listed twice");
                }
            }

            return pages;
        }

        private List<(string Root, List<string> Pages)> Subpackages(JsonObject app)
        {
            var result = new List<(string, List<string>)>();
            var list = app["subpackages"] ?? app["subPackages"];
            if (list is null)
            {
                return result;
            }

            if (list is not JsonArray array)
            {
                throw Error("app.json", "subpackages must be a list");
            }

            foreach (var item in array)
            {
                if (item is not JsonObject sub || sub["root"] is not JsonValue rootValue || !rootValue.TryGetValue<string>(out var rawRoot)
                    || sub["pages"] is not JsonArray { Count: > 0 } subPages)
                {
                    throw Error("app.json", "each subpackage needs a \"root\" and a non-empty \"pages\" list");
                }

                var root = Route(rawRoot);
                result.Add((root, [.. subPages.Select(p => Route(p is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw Error("app.json", "each page is a path string")))]));
            }

            return result;
        }

        private JsonArray SubpackagesJson(JsonObject app) =>
            [.. Subpackages(app).Select(s => (JsonNode)new JsonObject
            {
                ["root"] = s.Root,
                ["pages"] = new JsonArray([.. s.Pages.Select(p => (JsonNode)(s.Root + "/" + p))]),
            })];

        private JsonObject? ReadTabBar(JsonObject app, List<string> pages)
        {
            if (app["tabBar"] is null)
            {
                return null;
            }

            if (app["tabBar"] is not JsonObject tabBar || tabBar["list"] is not JsonArray list)
            {
                throw Error("app.json", "tabBar needs a \"list\" of 2 to 5 items");
            }

            if (list.Count is < 2 or > 5)
            {
                throw ErrorAt("app.json", "list", $"tabBar.list has {list.Count} items; it takes 2 to 5");
            }

            var normalised = (JsonObject)tabBar.DeepClone();
            foreach (var item in (JsonArray)normalised["list"]!)
            {
                if (item is not JsonObject tab || tab["pagePath"] is not JsonValue pathValue || !pathValue.TryGetValue<string>(out var path))
                {
                    throw Error("app.json", "each tabBar item needs a pagePath");
                }

                var route = Route(path);
                if (!pages.Contains(route))
                {
                    throw ErrorAt("app.json", path, $"tabBar pagePath '{path}' is not one of the pages");
                }

                tab["pagePath"] = route;
            }

            return normalised;
        }

        private JsonObject CompilePage(string route, JsonObject window)
        {
            RequireFrom("app.json", route, route + ".js");
            RequireFrom("app.json", route, route + ".wxml");
            var pageJson = Exists(route + ".json") ? ReadJson(route + ".json") as JsonObject ?? throw Error(route + ".json", "a page's json must be an object") : [];
            var merged = (JsonObject)window.DeepClone();
            foreach (var (key, value) in pageJson)
            {
                if (key != "usingComponents")
                {
                    merged[key] = value?.DeepClone();
                }
            }

            CompileView(route, pageJson);
            return merged;
        }

        /// <summary>The markup, style and custom components of a page or component.</summary>
        private void CompileView(string path, JsonObject json)
        {
            CompileWxml(path + ".wxml");
            css[path] = Exists(path + ".wxss") ? CompileWxss(path + ".wxss", []) : "";
            var tags = new SortedDictionary<string, string>(globalComponents, StringComparer.Ordinal);
            foreach (var (tag, component) in ReadUsingComponents(path + ".json", json))
            {
                tags[tag] = component;
            }

            // A component does not use itself through the global list.
            tags = new SortedDictionary<string, string>(tags.Where(t => t.Value != path).ToDictionary(), StringComparer.Ordinal);
            usings[path] = tags;
            foreach (var (tag, component) in tags)
            {
                if (components.Add(component))
                {
                    var declaredIn = Exists(path + ".json") && Text(path + ".json").Contains(tag, StringComparison.Ordinal) ? path + ".json" : "app.json";
                    RequireFrom(declaredIn, tag, component + ".js");
                    RequireFrom(declaredIn, tag, component + ".wxml");
                    var componentJson = Exists(component + ".json") ? ReadJson(component + ".json") as JsonObject ?? [] : [];
                    CompileView(component, componentJson);
                }
            }
        }

        private Dictionary<string, string> ReadUsingComponents(string file, JsonObject json)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            if (json["usingComponents"] is null)
            {
                return result;
            }

            if (json["usingComponents"] is not JsonObject map)
            {
                throw Error(file, "usingComponents must map tag names to component paths");
            }

            foreach (var (tag, value) in map)
            {
                if (value is not JsonValue v || !v.TryGetValue<string>(out var reference) || reference.Length == 0)
                {
                    throw Error(file, $"usingComponents '{tag}' needs a path");
                }

                if (reference.Contains("://", StringComparison.Ordinal))
                {
                    throw ErrorAt(file, reference, $"usingComponents '{tag}': plugins are not supported");
                }

                var resolved = PackagePath.Resolve(file, reference.EndsWith(".js", StringComparison.Ordinal) ? reference[..^3] : reference)
                    ?? throw ErrorAt(file, reference, $"usingComponents '{tag}' leaves the package");
                if (!Exists(resolved + ".js") && Exists(resolved + "/index.js"))
                {
                    resolved += "/index";
                }

                result[tag] = resolved;
            }

            return result;
        }

        private void CompileWxml(string file)
        {
            if (wxml.ContainsKey(file))
            {
                return;
            }

            var document = WxmlCompiler.Compile(file, Text(file));
            wxml[file] = document;
            foreach (var reference in (document.Imports ?? []).Concat(document.Includes ?? []))
            {
                var target = reference.EndsWith(".wxml", StringComparison.Ordinal) ? reference : reference + ".wxml";
                Require(target, $"'{file}'");
                CompileWxml(target);
            }

            foreach (var module in document.Wxs ?? [])
            {
                if (module.Src is { } src)
                {
                    Require(src, $"'{file}'");
                }
            }
        }

        private string CompileWxss(string file, List<string> importing)
        {
            if (importing.Contains(file))
            {
                throw Error(file, $"@import cycle: {string.Join(" -> ", importing)} -> {file}");
            }

            var result = WxssCompiler.Compile(file, Text(file));
            if (result.Imports.Count == 0)
            {
                return result.Css;
            }

            var combined = new StringBuilder();
            importing.Add(file);
            foreach (var import in result.Imports)
            {
                var target = import.EndsWith(".wxss", StringComparison.Ordinal) ? import : import + ".wxss";
                Require(target, $"@import in '{file}'");
                combined.Append(CompileWxss(target, importing)).Append('\n');
            }

            importing.RemoveAt(importing.Count - 1);
            return combined.Append(result.Css).ToString();
        }

        private (string Script, List<string> Keys) CompileWxs()
        {
            var script = new StringBuilder();
            var keys = new List<string>();
            foreach (var path in Files.Keys.Where(p => p.EndsWith(".wxs", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                keys.Add(path);
                script.Append(WrapWxs(path, path, Text(path)));
            }

            foreach (var (file, document) in wxml)
            {
                foreach (var module in document.Wxs ?? [])
                {
                    if (module.Script is { } code)
                    {
                        var key = file + "#" + module.Module;
                        keys.Add(key);
                        script.Append(WrapWxs(key, file, code));
                    }
                }
            }

            return (script.ToString(), keys);
        }

        private string WrapWxs(string key, string file, string code)
        {
            JsModule.CheckScript(file, code);
            // WXS sees no browser globals: its names are shadowed by parameters that stay undefined.
            return "__hutong_wxs(" + JsonSerializer.Serialize(key)
                + ", function (require, module, exports, window, document, parent, top, self, globalThis, frames, opener, postMessage, fetch, XMLHttpRequest, WebSocket, localStorage, sessionStorage, indexedDB, navigator, location, setTimeout, setInterval, Function) {\"use strict\";\n"
                + code + "\n});\n";
        }

        private string CompileLogic(List<string> pages)
        {
            var scripts = Files.Keys.Where(p => p.EndsWith(".js", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
            var entry = new List<string>();
            if (Exists("app.js"))
            {
                entry.Add("app.js");
            }

            entry.AddRange(components.Select(c => c + ".js"));
            entry.AddRange(pages.Select(p => p + ".js"));
            return Bundle(scripts, entry);
        }

        private static string Route(string path) =>
            path.Trim('/').EndsWith(".js", StringComparison.Ordinal) ? path.Trim('/')[..^3] : path.Trim('/');
    }
}
