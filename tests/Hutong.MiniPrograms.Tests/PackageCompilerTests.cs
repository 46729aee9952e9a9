using System.Text;
using System.Text.Json.Nodes;
using Hutong.MiniPrograms.Compiler;
using Hutong.MiniPrograms.Packages;

namespace Hutong.MiniPrograms.Tests;

public sealed class PackageCompilerTests
{
    /// <summary>The files by path; a later file of the same path replaces an earlier one.</summary>
    private static Dictionary<string, byte[]> Files(params (string Path, string Text)[] files)
    {
        var result = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (path, text) in files)
        {
            result[path] = Encoding.UTF8.GetBytes(text);
        }

        return result;
    }

    private static Dictionary<string, byte[]> MinimalApp(params (string Path, string Text)[] more) => Files(
        [
            ("app.json", """{"pages": ["pages/index/index"]}"""),
            ("app.js", "App({})"),
            ("pages/index/index.js", "Page({data: {}})"),
            ("pages/index/index.wxml", "<view>hi</view>"),
            .. more,
        ]);

    private static CompileError Fails(Dictionary<string, byte[]> files) =>
        Assert.Throws<CompileException>(() => PackageCompiler.Compile(files)).Error;

    [Fact]
    public void Compile_WithoutAppJson_NamesAppJson()
    {
        var error = Fails(Files(("pages/index/index.js", "")));

        Assert.Equal("app.json", error.File);
        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_InvalidAppJson_NamesLineAndColumn()
    {
        var error = Fails(Files(("app.json", "{\n  \"pages\": [\n    \"pages/index/index\"\n    \"pages/b/b\"\n  ]\n}")));

        Assert.Equal(("app.json", 4), (error.File, error.Line));
        Assert.True(error.Column > 1);
    }

    [Fact]
    public void Compile_PageWithoutWxml_NamesTheMissingFileWhereThePageIsListed()
    {
        var files = MinimalApp();
        files.Remove("pages/index/index.wxml");

        var error = Fails(files);

        Assert.Equal(("app.json", 1), (error.File, error.Line));
        Assert.Contains("pages/index/index.wxml", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    public void Compile_TabBarOutsideTwoToFive_IsRefused(int count)
    {
        var list = string.Join(",", Enumerable.Repeat("""{"pagePath": "pages/index/index", "text": "x"}""", count));
        var error = Fails(MinimalApp(("app.json", $$$"""{"pages": ["pages/index/index"], "tabBar": {"list": [{{{list}}}]}}""")));

        Assert.Contains("2 to 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_TabBarNamingAnUnknownPage_IsRefusedAtThatPath()
    {
        var files = MinimalApp(("app.json", """
            {"pages": ["pages/index/index"],
             "tabBar": {"list": [{"pagePath": "pages/index/index", "text": "a"},
                                 {"pagePath": "pages/nope/nope", "text": "b"}]}}
            """));

        var error = Fails(files);

        Assert.Equal(3, error.Line);
        Assert.Contains("pages/nope/nope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_Subpackages_JoinThePageListUnderTheirRoot()
    {
        var files = MinimalApp(
            ("app.json", """{"pages": ["pages/index/index"], "subPackages": [{"root": "shop", "pages": ["pages/cart/cart"]}]}"""),
            ("shop/pages/cart/cart.js", "Page({})"),
            ("shop/pages/cart/cart.wxml", "<view/>"));

        var package = PackageCompiler.Compile(files);

        var config = JsonNode.Parse(package.AppJson)!;
        Assert.Equal(["pages/index/index", "shop/pages/cart/cart"], config["pages"]!.AsArray().Select(p => (string?)p));
        Assert.Equal("shop", (string?)config["subpackages"]![0]!["root"]);
        Assert.Contains("shop/pages/cart/cart.wxml", JsonNode.Parse(package.ViewJson)!["wxml"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Compile_UsingComponents_ResolvesAbsoluteAndRelativePaths()
    {
        var files = MinimalApp(
            ("pages/index/index.json", """{"usingComponents": {"card": "/components/card/card", "badge": "../../components/badge/badge"}}"""),
            ("components/card/card.js", "Component({})"),
            ("components/card/card.wxml", "<view><slot/></view>"),
            ("components/card/card.wxss", ".c { padding: 10rpx; }"),
            ("components/card/card.json", """{"component": true, "usingComponents": {"badge": "../badge/badge"}}"""),
            ("components/badge/badge.js", "Component({})"),
            ("components/badge/badge.wxml", "<text>1</text>"));

        var package = PackageCompiler.Compile(files);

        var view = JsonNode.Parse(package.ViewJson)!;
        Assert.Equal("components/card/card", (string?)view["using"]!["pages/index/index"]!["card"]);
        Assert.Equal("components/badge/badge", (string?)view["using"]!["pages/index/index"]!["badge"]);
        Assert.Equal("components/badge/badge", (string?)view["using"]!["components/card/card"]!["badge"]);
        Assert.Contains("var(--rpx)", (string?)view["css"]!["components/card/card"], StringComparison.Ordinal);
        Assert.Contains("__hutong_start([\"app.js\",\"components/badge/badge.js\",\"components/card/card.js\",\"pages/index/index.js\"])", package.LogicJs, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_ComponentWithoutWxml_NamesTheMissingFile()
    {
        var files = MinimalApp(
            ("pages/index/index.json", """{"usingComponents": {"card": "/components/card/card"}}"""),
            ("components/card/card.js", "Component({})"));

        var error = Fails(files);

        Assert.Equal("pages/index/index.json", error.File);
        Assert.Contains("components/card/card.wxml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_JsSyntaxError_NamesLineAndColumn()
    {
        var error = Fails(MinimalApp(("pages/index/index.js", "Page({\n  data: {},\n  onLoad() { x = ); }\n})")));

        Assert.Equal(("pages/index/index.js", 3), (error.File, error.Line));
        Assert.Equal(18, error.Column);
    }

    [Fact]
    public void Compile_ModernSyntax_IsKeptAsWritten()
    {
        const string Code = "Page({ async onLoad() { const a = await Promise.resolve(this?.data ?? {}); for await (const x of []) {} } })";

        var package = PackageCompiler.Compile(MinimalApp(("pages/index/index.js", Code)));

        Assert.Contains(Code, package.LogicJs, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_RequireOfUnknownModule_IsAnErrorAtTheLiteral()
    {
        var error = Fails(MinimalApp(("pages/index/index.js", "const a = 1;\nconst util = require('../../utils/nope');\nPage({})")));

        Assert.Equal(("pages/index/index.js", 2, 22), (error.File, error.Line, error.Column));
        Assert.Contains("nope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_ImportOfUnknownModule_IsAnErrorAtTheSource()
    {
        var error = Fails(MinimalApp(("pages/index/index.js", "import x from './missing';\nPage({})")));

        Assert.Equal(("pages/index/index.js", 1, 15), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void Compile_Require_ResolvesRelativeAbsoluteAndWithoutExtension()
    {
        var files = MinimalApp(
            ("pages/index/index.js", "const a = require('../../utils/a'); const b = require('/utils/b.js'); const c = require('../../lib'); Page({})"),
            ("utils/a.js", "module.exports = 1"),
            ("utils/b.js", "exports.b = 2"),
            ("lib/index.js", "module.exports = 3"));

        var logic = PackageCompiler.Compile(files).LogicJs;

        Assert.Contains("require(\"utils/a.js\")", logic, StringComparison.Ordinal);
        Assert.Contains("require(\"utils/b.js\")", logic, StringComparison.Ordinal);
        Assert.Contains("require(\"lib/index.js\")", logic, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_WxssImportsAndAppWxss_AreInlined()
    {
        var files = MinimalApp(
            ("app.wxss", "page { color: red; }"),
            ("pages/index/index.wxss", "@import '../../styles/base.wxss';\n.a { width: 750rpx; }"),
            ("styles/base.wxss", ".base { margin: 0; }"));

        var view = JsonNode.Parse(PackageCompiler.Compile(files).ViewJson)!;

        Assert.Equal("page { color: red; }", (string?)view["appCss"]);
        var css = (string)view["css"]!["pages/index/index"]!;
        Assert.True(css.IndexOf(".base", StringComparison.Ordinal) < css.IndexOf(".a", StringComparison.Ordinal));
    }

    [Fact]
    public void Compile_ImportedTemplatesAndWxs_AreInTheViewBundle()
    {
        var files = MinimalApp(
            ("pages/index/index.wxml", "<import src=\"/tpl/item.wxml\"/><wxs module=\"m\">module.exports = {x: 1};</wxs><wxs module=\"f\" src=\"../../utils/f.wxs\"/><template is=\"item\"/>"),
            ("tpl/item.wxml", "<template name=\"item\"><include src=\"footer.wxml\"/></template>"),
            ("tpl/footer.wxml", "<view>footer</view>"),
            ("utils/f.wxs", "module.exports = { up: function (s) { return s.toUpperCase(); } };"));

        var package = PackageCompiler.Compile(files);

        var view = JsonNode.Parse(package.ViewJson)!;
        Assert.Equal(["pages/index/index.wxml", "tpl/footer.wxml", "tpl/item.wxml"], view["wxml"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["utils/f.wxs", "pages/index/index.wxml#m"], view["wxs"]!.AsArray().Select(k => (string?)k));
        Assert.Contains("__hutong_wxs(\"utils/f.wxs\"", package.WxsJs, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_Assets_AreKeptByPath()
    {
        var package = PackageCompiler.Compile(MinimalApp(("images/logo.png", "PNG")));

        Assert.Equal(["images/logo.png"], package.Assets.Keys);
    }

    [Fact]
    public void Compile_SameFiles_SameOutput()
    {
        var first = PackageCompiler.Compile(MinimalApp(("pages/index/index.wxss", ".a{}")));
        var second = PackageCompiler.Compile(MinimalApp(("pages/index/index.wxss", ".a{}")));

        Assert.Equal((first.AppJson, first.ViewJson, first.LogicJs), (second.AppJson, second.ViewJson, second.LogicJs));
    }

    [Fact]
    public void Compile_EsModuleForms_AreRewrittenToTheRegistry()
    {
        var files = MinimalApp(
            ("pages/index/index.js", """
                import def, { named as renamed } from '../../utils/m';
                import * as all from '../../utils/m.js';
                export { renamed };
                Page({ data: { v: def + renamed + all.named } });
                """),
            ("utils/m.js", """
                export const named = 2, { x, y: [z] } = { x: 1, y: [3] };
                export function f() {}
                export class C {}
                export default 40;
                export * from './n';
                export * as nn from './n';
                export { k as kk } from './n';
                """),
            ("utils/n.js", "export let k = 1;"));

        var logic = PackageCompiler.Compile(files).LogicJs;

        Assert.DoesNotContain("import ", logic, StringComparison.Ordinal);
        Assert.DoesNotContain("export ", logic, StringComparison.Ordinal);
        Assert.Contains("\"named\": () => named, \"x\": () => x, \"z\": () => z, \"f\": () => f, \"C\": () => C, \"default\": () => __hutong_default", logic, StringComparison.Ordinal);
        Assert.Contains("__hutong_star(exports, ", logic, StringComparison.Ordinal);
        Assert.Contains("const def = __hutong_default(", logic, StringComparison.Ordinal);
    }
}
