// TEMPORARY local stand-in until the real compiler lands; never committed.
namespace Hutong.MiniPrograms.Packages;

public sealed record CompiledPackage(string Config, IReadOnlyList<string> Pages, string ViewJson, string LogicJs, IReadOnlyDictionary<string, byte[]> Assets);

public static class PackageCompiler
{
    public static CompiledPackage Compile(IReadOnlyDictionary<string, byte[]> files)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(files["app.json"]);
        var pages = doc.RootElement.GetProperty("pages").EnumerateArray().Select(p => p.GetString()!).ToList();
        return new(System.Text.Encoding.UTF8.GetString(files["app.json"]), pages, "{}", "", files.Where(f => f.Key.EndsWith(".png", StringComparison.Ordinal)).ToDictionary());
    }
}
