using System.Text;
using System.Text.Json.Nodes;
using Hutong.MiniPrograms.Compiler;
using Hutong.MiniPrograms.Packages;

namespace Hutong.MiniPrograms.Tests.Games;

/// <summary>Mini-game packages: game.json normalised, the two contexts bundled apart, and errors at their place.</summary>
public sealed class GamePackageCompilerTests
{
    private static Dictionary<string, byte[]> Files(params (string Path, string Text)[] files)
    {
        var result = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (path, text) in files)
        {
            result[path] = Encoding.UTF8.GetBytes(text);
        }

        return result;
    }

    private static Dictionary<string, byte[]> Game(string gameJson, params (string Path, string Text)[] more) =>
        Files([("game.json", gameJson), ("game.js", "require('./js/main.js');"), ("js/main.js", "module.exports = 1;"), .. more]);

    private static CompileError Fails(Dictionary<string, byte[]> files) =>
        Assert.Throws<CompileException>(() => GamePackageCompiler.Compile(files)).Error;

    [Fact]
    public void Compile_AGameWithAnOpenDataContext_BundlesEachContextApart_AndKeepsTheRestAsAssets()
    {
        var compiled = GamePackageCompiler.Compile(Game(
            """{ "deviceOrientation": "landscape", "openDataContext": "openDataContext/", "networkTimeout": { "request": 5000 } }""",
            ("openDataContext/index.js", "const rank = require('./rank'); wx.onMessage(() => rank());"),
            ("openDataContext/rank.js", "module.exports = () => 0;"),
            ("images/star.png", "png"),
            ("audio/hit.mp3", "mp3"),
            ("levels/one.json", """{ "stars": 3 }"""),
            ("project.config.json", """{ "appid": "wx0123456789abcdef" }""")));

        var config = JsonNode.Parse(compiled.Config)!;
        Assert.Equal("landscape", (string)config["deviceOrientation"]!);
        Assert.False((bool)config["showStatusBar"]!);
        Assert.Equal("openDataContext", (string)config["openDataContext"]!);
        Assert.Equal(5000, (int)config["networkTimeout"]!["request"]!);
        Assert.Equal(GamePackageCompiler.MaxNetworkTimeout, (int)config["networkTimeout"]!["downloadFile"]!);

        Assert.Contains("__hutong_define(\"game.js\"", compiled.GameJs, StringComparison.Ordinal);
        Assert.Contains("__hutong_define(\"js/main.js\"", compiled.GameJs, StringComparison.Ordinal);
        Assert.EndsWith("__hutong_start([\"game.js\"]);\n", compiled.GameJs, StringComparison.Ordinal);
        Assert.DoesNotContain("openDataContext/", compiled.GameJs, StringComparison.Ordinal);
        Assert.Contains("__hutong_define(\"openDataContext/rank.js\"", compiled.OpenDataJs, StringComparison.Ordinal);
        Assert.EndsWith("__hutong_start([\"openDataContext/index.js\"]);\n", compiled.OpenDataJs, StringComparison.Ordinal);
        Assert.DoesNotContain("js/main.js", compiled.OpenDataJs, StringComparison.Ordinal);
        Assert.Equal(["audio/hit.mp3", "images/star.png", "levels/one.json"], compiled.Assets.Keys);
    }

    [Fact]
    public void Compile_AGameWithoutOpenDataContext_IsPortraitWithDefaultTimeouts_AndNoSecondBundle()
    {
        var compiled = GamePackageCompiler.Compile(Game("{}"));

        var config = JsonNode.Parse(compiled.Config)!;
        Assert.Equal("portrait", (string)config["deviceOrientation"]!);
        Assert.Null(config["openDataContext"]);
        Assert.Null(compiled.OpenDataJs);
        Assert.Empty(config["subpackages"]!.AsArray());
    }

    [Fact]
    public void TheOpenDataContext_CannotRequireTheGamesCode_NorTheGameItsCode()
    {
        var fromOpenData = Fails(Game("""{ "openDataContext": "openDataContext" }""", ("openDataContext/index.js", "\nrequire('../js/main.js');")));
        var fromGame = Fails(Game("""{ "openDataContext": "openDataContext" }""", ("openDataContext/index.js", ""), ("js/main.js", "require('../openDataContext/index.js');")));

        Assert.Equal(("openDataContext/index.js", 2), (fromOpenData.File, fromOpenData.Line));
        Assert.Contains("cannot find module", fromOpenData.Message, StringComparison.Ordinal);
        Assert.Equal("js/main.js", fromGame.File);
    }

    [Fact]
    public void Subpackages_StartAtTheirOwnGameJs_AndAreBundledWithTheGame()
    {
        var compiled = GamePackageCompiler.Compile(Game(
            """{ "subpackages": [{ "name": "stage2", "root": "stage2/" }, { "name": "boss", "root": "boss.js" }] }""",
            ("stage2/game.js", "module.exports = 2;"),
            ("boss.js", "module.exports = 3;")));

        var subpackages = JsonNode.Parse(compiled.Config)!["subpackages"]!.AsArray();
        Assert.Equal(["stage2", "boss"], subpackages.Select(s => (string)s!["name"]!));
        Assert.Equal(["stage2", "boss.js"], subpackages.Select(s => (string)s!["root"]!));
        Assert.Contains("__hutong_define(\"stage2/game.js\"", compiled.GameJs, StringComparison.Ordinal);
        Assert.Equal(["boss.js", "stage2/"], GamePackageCompiler.SubpackageRoots(Game(
            """{ "subpackages": [{ "name": "boss", "root": "boss.js" }, { "name": "stage2", "root": "stage2" }] }""",
            ("stage2/game.js", ""),
            ("boss.js", ""))).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("game.json", "[]", "game.json", 1, "must be a JSON object")]
    [InlineData("game.json", "{\n  \"deviceOrientation\": \"sideways\"\n}", "game.json", 2, "\"portrait\" or \"landscape\"")]
    [InlineData("game.json", "{\n\n  \"showStatusBar\": \"yes\"\n}", "game.json", 3, "true or false")]
    [InlineData("game.json", "{ \"networkTimeout\": {\n  \"request\": 600000 } }", "game.json", 2, "1 to 60000 milliseconds")]
    [InlineData("game.json", "{ \"openDataContext\": \"board\" }", "game.json", 1, "missing file 'board/index.js'")]
    [InlineData("game.json", "{ \"openDataContext\": \"../up\" }", "game.json", 1, "folder of the open data context")]
    [InlineData("game.json", "{ \"subpackages\": [{ \"name\": \"s\", \"root\": \"stage3\" }] }", "game.json", 1, "missing file 'stage3/game.js'")]
    [InlineData("game.json", "{ \"subpackages\": {} }", "game.json", 1, "list of { name, root }")]
    [InlineData("game.json", "{ \"deviceOrientation\": ", "game.json", 1, "invalid JSON")]
    [InlineData("js/main.js", "let x = ;", "js/main.js", 1, "")]
    public void ABrokenGame_SaysWhereItIsBroken(string path, string text, string file, int line, string message)
    {
        var error = Fails(Game("{}", (path, text)));

        Assert.Equal((file, line), (error.File, error.Line));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AGameWithoutGameJs_IsRefusedNamingIt()
    {
        var error = Fails(Files(("game.json", "{}"), ("main.js", "")));

        Assert.Equal("game.js", error.File);
        Assert.Contains("mini-game", error.Message, StringComparison.Ordinal);
    }
}
