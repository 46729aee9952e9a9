using System.IO.Compression;
using Hutong.Cli.MiniPrograms;

namespace Hutong.Cli.Tests;

/// <summary>Packing a project folder: what goes in, and the same bytes every time.</summary>
public sealed class PackerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hutong-pack-").FullName;

    [Fact]
    public void Pack_LeavesOutDotFilesNodeModulesPrivateConfigAndPackOptionsIgnore_InOrdinalOrder()
    {
        Template.Write(_folder, "Tea House");
        Write(".git/HEAD", "ref: refs/heads/main");
        Write("node_modules/left-pad/index.js", "module.exports = 1;");
        Write("project.private.config.json", "{}");
        Write("images/logo.png", "png");
        Write("notes.md", "kept: the server says what a package may hold");

        var entries = Entries(Packer.Pack(ProjectFolder.Open(_folder)));

        Assert.Equal(
            [
                "app.js", "app.json", "app.wxss", "images/logo.png", "notes.md",
                "pages/about/about.js", "pages/about/about.json", "pages/about/about.wxml", "pages/about/about.wxss",
                "pages/index/index.js", "pages/index/index.json", "pages/index/index.wxml", "pages/index/index.wxss",
                "project.config.json",
            ],
            entries);
    }

    [Fact]
    public void Pack_TheSameFolderTwice_MakesTheSameBytes()
    {
        Template.Write(_folder, "Tea House");
        var project = ProjectFolder.Open(_folder);

        var first = Packer.Pack(project).ToArray();
        File.SetLastWriteTimeUtc(Path.Combine(_folder, "app.js"), new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var second = Packer.Pack(project).ToArray();

        Assert.Equal(first, second);
    }

    [Fact]
    public void Template_NamesTheAppInJsonAndMarkup_Escaped()
    {
        Template.Write(_folder, "Tea \"&\" Co");

        var appJson = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(_folder, "app.json")))!;
        Assert.Equal("Tea \"&\" Co", appJson["window"]!["navigationBarTitleText"]!.GetValue<string>());
        Assert.Equal(2, appJson["tabBar"]!["list"]!.AsArray().Count);
        Assert.Contains("Tea &quot;&amp;&quot; Co", File.ReadAllText(Path.Combine(_folder, "pages/about/about.wxml")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_folder, ".gitignore")));
        Assert.Null(ProjectFolder.Open(_folder).AppId);
    }

    [Fact]
    public void Template_MarkupAndStyles_CompileWithTheServersCompiler()
    {
        var files = Template.Write(_folder, "Tea House");

        // The server compiles every upload; a template it refuses would fail on the first `mp dev`.
        foreach (var file in files.Where(f => f.EndsWith(".wxml", StringComparison.Ordinal)))
        {
            Assert.NotNull(global::Hutong.MiniPrograms.Compiler.WxmlCompiler.Compile(file, File.ReadAllText(Path.Combine(_folder, file))));
        }

        foreach (var file in files.Where(f => f.EndsWith(".wxss", StringComparison.Ordinal)))
        {
            Assert.NotNull(global::Hutong.MiniPrograms.Compiler.WxssCompiler.Compile(file, File.ReadAllText(Path.Combine(_folder, file))));
        }
    }

    [Fact]
    public void GameTemplate_CompilesWithTheServersGameCompiler_WithTheNameAsAJavaScriptString()
    {
        var files = Template.Write(_folder, "Tea's \"Star\" Catch", game: true);

        Assert.Equal([".gitignore", "README.md", "game.js", "game.json", "openDataContext/index.js", "project.config.json"], files.Order(StringComparer.Ordinal));
        var packed = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using (var archive = new ZipArchive(Packer.Pack(ProjectFolder.Open(_folder)), ZipArchiveMode.Read))
        {
            foreach (var entry in archive.Entries)
            {
                using var stream = entry.Open();
                using var bytes = new MemoryStream();
                stream.CopyTo(bytes);
                packed[entry.FullName] = bytes.ToArray();
            }
        }

        var compiled = global::Hutong.MiniPrograms.Packages.GamePackageCompiler.Compile(packed);
        Assert.NotNull(compiled.OpenDataJs);
        Assert.Contains("const title = \"Tea\\u0027s \\u0022Star\\u0022 Catch\";", compiled.GameJs, StringComparison.Ordinal);
        Assert.True(ProjectFolder.IsGame(_folder));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Write(string path, string text)
    {
        var full = Path.Combine(_folder, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    private static List<string> Entries(MemoryStream zip)
    {
        using var archive = new ZipArchive(zip, ZipArchiveMode.Read);
        return [.. archive.Entries.Select(e => e.FullName)];
    }
}
