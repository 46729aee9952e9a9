using Hutong.MiniPrograms.Compiler;

namespace Hutong.MiniPrograms.Tests;

public sealed class WxssCompilerTests
{
    [Theory]
    [InlineData(".a { width: 750rpx; }", ".a { width: calc(750 * var(--rpx)); }")]
    [InlineData(".a { margin: -10.5rpx 0rpx; }", ".a { margin: calc(-10.5 * var(--rpx)) calc(0 * var(--rpx)); }")]
    [InlineData(".a{padding:.5rpx +2rpx}", ".a{padding:calc(.5 * var(--rpx)) calc(2 * var(--rpx))}")]
    [InlineData(".a { width: calc(100% - 20rpx); }", ".a { width: calc(100% - calc(20 * var(--rpx))); }")]
    public void Rpx_BecomesAMultipleOfTheRpxVariable(string wxss, string css)
    {
        Assert.Equal(css, WxssCompiler.Compile("app.wxss", wxss).Css);
    }

    [Theory]
    [InlineData(".a { background: url(img/750rpx.png); }")]
    [InlineData(".a { background: url('a 10rpx.png'); }")]
    [InlineData(".a::after { content: \"10rpx\"; }")]
    [InlineData(".a::after { content: '10rpx'; }")]
    [InlineData("/* 10rpx */ .a { width: 10px; }")]
    [InlineData(".w750rpx, .a-10rpx { color: #750; }")]
    [InlineData(".a { width: 10px; font-weight: 700; }")]
    public void Rpx_InStringsUrlsCommentsAndNames_IsLeftAlone(string wxss)
    {
        Assert.Equal(wxss, WxssCompiler.Compile("app.wxss", wxss).Css);
    }

    [Fact]
    public void Imports_AreTakenOut_AndResolvedAgainstTheFile()
    {
        var result = WxssCompiler.Compile(
            "pages/index/index.wxss",
            "@import \"common.wxss\";\n@import '../../styles/base.wxss';\n@import \"/app-theme.wxss\";\n.a { width: 1rpx; }");

        Assert.Equal(["pages/index/common.wxss", "styles/base.wxss", "app-theme.wxss"], result.Imports);
        Assert.Equal("\n\n\n.a { width: calc(1 * var(--rpx)); }", result.Css);
    }

    [Fact]
    public void AnImportLeavingThePackage_IsAnErrorAtItsLine()
    {
        var error = Assert.Throws<CompileException>(() => WxssCompiler.Compile("app.wxss", ".a{}\n@import \"../x.wxss\";")).Error;

        Assert.Equal(new CompileError("app.wxss", 2, 1, error.Message), error);
    }

    [Fact]
    public void AnUnclosedString_IsAnErrorAtItsQuote()
    {
        var error = Assert.Throws<CompileException>(() => WxssCompiler.Compile("app.wxss", ".a {\n  content: 'x;\n}")).Error;

        Assert.Equal((2, 12), (error.Line, error.Column));
    }
}
