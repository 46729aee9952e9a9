using Hutong.MiniPrograms.Compiler;

namespace Hutong.MiniPrograms.Tests;

public sealed class WxmlCompilerTests
{
    private static WxmlDocument Compile(string wxml, string file = "pages/index/index.wxml") => WxmlCompiler.Compile(file, wxml);

    private static CompileError Error(string wxml) =>
        Assert.Throws<CompileException>(() => WxmlCompiler.Compile("pages/index/index.wxml", wxml)).Error;

    private static ElementNode Single(string wxml) => Assert.IsType<ElementNode>(Assert.Single(Compile(wxml).Nodes));

    [Fact]
    public void Elements_Attributes_AndText_FormATree()
    {
        var view = Single("<view class=\"box\" id='main'><text>Hello</text><image src=\"a.png\" /></view>");

        Assert.Equal("view", view.Tag);
        Assert.Equal(new StringLiteral("box"), view.Attrs!["class"]);
        Assert.Equal(new StringLiteral("main"), view.Attrs["id"]);
        Assert.Collection(
            view.Children!,
            text => Assert.Equal(new TextNode(new StringLiteral("Hello")), Assert.Single(Assert.IsType<ElementNode>(text).Children!)),
            image => Assert.Null(Assert.IsType<ElementNode>(image).Children));
    }

    [Fact]
    public void AValueThatIsOneBinding_KeepsItsType_AndAMixBecomesAConcatenation()
    {
        var view = Single("<view hidden=\"{{ count > 3 }}\" class=\"item {{active ? 'on' : ''}}\" disabled>n = {{n}}!</view>");

        Assert.IsType<BinaryOperation>(view.Attrs!["hidden"]);
        var mixed = Assert.IsType<Concatenation>(view.Attrs["class"]);
        Assert.Equal(new StringLiteral("item "), mixed.Parts[0]);
        Assert.IsType<Conditional>(mixed.Parts[1]);
        Assert.Equal(new BooleanLiteral(true), view.Attrs["disabled"]);
        var text = Assert.IsType<TextNode>(Assert.Single(view.Children!));
        Assert.Equal(
            new Concatenation([new StringLiteral("n = "), new Identifier("n"), new StringLiteral("!")]),
            text.Value,
            new ConcatenationComparer());
    }

    [Fact]
    public void ABindingInText_MayHoldALessThan()
    {
        var view = Single("<view>{{a < b ? 'x' : 'y'}}</view>");

        Assert.IsType<Conditional>(Assert.IsType<TextNode>(Assert.Single(view.Children!)).Value);
    }

    [Fact]
    public void IfElifElse_BecomeOneChain()
    {
        var nodes = Compile("""
            <view wx:if="{{a}}">A</view>
            <view wx:elif="{{b}}">B</view>
            <view wx:else>C</view>
            <view>D</view>
            """).Nodes;

        Assert.Equal(2, nodes.Count);
        var chain = Assert.IsType<IfNode>(nodes[0]);
        Assert.Equal([new Identifier("a"), new Identifier("b"), null], chain.Branches.Select(b => b.Test));
        Assert.IsType<ElementNode>(nodes[1]);
    }

    [Fact]
    public void ACommentOrWhitespace_BetweenBranches_KeepsTheChain()
    {
        var chain = Assert.IsType<IfNode>(Assert.Single(Compile("<view wx:if=\"{{a}}\"/>\n  <!-- otherwise -->\n  <view wx:else/>").Nodes));

        Assert.Equal(2, chain.Branches.Count);
    }

    [Fact]
    public void TwoIfs_AreTwoChains()
    {
        var nodes = Compile("<view wx:if=\"{{a}}\"/><view wx:if=\"{{b}}\"/><view wx:else/>").Nodes;

        Assert.Equal(2, nodes.Count);
        Assert.Equal(2, Assert.IsType<IfNode>(nodes[1]).Branches.Count);
    }

    [Fact]
    public void AMisplacedElif_IsAnErrorAtIts_Position()
    {
        var error = Error("<view>\n  <text>x</text>\n  <view wx:elif=\"{{b}}\"/>\n</view>");

        Assert.Equal(new CompileError("pages/index/index.wxml", 3, 9, error.Message), error);
        Assert.Contains("wx:elif", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnElseAfterText_OrAfterAClosedChain_IsAnError()
    {
        var afterText = Error("<view wx:if=\"{{a}}\"/>text<view wx:else/>");
        Assert.Equal((1, 32), (afterText.Line, afterText.Column));
        Assert.Contains("wx:else", Error("<view wx:if=\"{{a}}\"/><view wx:else/><view wx:else/>").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void For_DefaultsToItemAndIndex()
    {
        var loop = Assert.IsType<ForNode>(Assert.Single(Compile("<view wx:for=\"{{list}}\">{{index}}: {{item.name}}</view>").Nodes));

        Assert.Equal(new Identifier("list"), loop.List);
        Assert.Equal(("item", "index", (string?)null), (loop.Item, loop.Index, loop.Key));
        Assert.Equal("view", Assert.IsType<ElementNode>(loop.Node).Tag);
    }

    [Fact]
    public void For_TakesCustomNames_AndAKey()
    {
        var loop = Assert.IsType<ForNode>(Assert.Single(Compile(
            "<block wx:for=\"{{todos}}\" wx:for-item=\"todo\" wx:for-index=\"i\" wx:key=\"id\"><text>{{todo.title}}</text></block>").Nodes));

        Assert.Equal(("todo", "i", "id"), (loop.Item, loop.Index, loop.Key));
        Assert.Equal("block", Assert.IsType<ElementNode>(loop.Node).Tag);
        Assert.Equal("*this", Assert.IsType<ForNode>(Assert.Single(Compile("<view wx:for=\"{{[1, 2]}}\" wx:key=\"*this\"/>").Nodes)).Key);
    }

    [Fact]
    public void AnIfOnALoopingElement_IsTestedPerItem()
    {
        var loop = Assert.IsType<ForNode>(Assert.Single(Compile("<view wx:for=\"{{list}}\" wx:if=\"{{item.shown}}\"/>").Nodes));

        var perItem = Assert.IsType<IfNode>(loop.Node);
        Assert.Equal(new MemberAccess(new Identifier("item"), "shown"), Assert.Single(perItem.Branches).Test);
    }

    [Fact]
    public void AnUnknownDirective_IsAnError()
    {
        Assert.Contains("wx:fro", Error("<view wx:fro=\"{{a}}\"/>").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bindtap", EventKind.Bind, "tap")]
    [InlineData("bind:tap", EventKind.Bind, "tap")]
    [InlineData("catchtap", EventKind.Catch, "tap")]
    [InlineData("catch:longpress", EventKind.Catch, "longpress")]
    [InlineData("capture-bind:touchstart", EventKind.CaptureBind, "touchstart")]
    [InlineData("capture-catch:touchstart", EventKind.CaptureCatch, "touchstart")]
    [InlineData("mut-bind:tap", EventKind.MutBind, "tap")]
    public void EventAttributes_BecomeEvents(string attribute, EventKind kind, string name)
    {
        var view = Single($"<view {attribute}=\"onIt\"/>");

        Assert.Equal(new EventBinding(kind, name, new StringLiteral("onIt")), Assert.Single(view.Events!));
        Assert.Null(view.Attrs);
    }

    [Fact]
    public void AnEventHandler_MayBeABinding()
    {
        var view = Single("<view bindtap=\"{{handler}}\"/>");

        Assert.Equal(new Identifier("handler"), Assert.Single(view.Events!).Handler);
    }

    [Fact]
    public void DataAttributes_FormTheDataset_WithWeChatsKeys()
    {
        var view = Single("<view data-user-id=\"{{user.id}}\" data-name=\"Mei\" data-fooBar=\"x\" class=\"c\"/>");

        Assert.Equal(["userId", "name", "foobar"], view.Dataset!.Keys);
        Assert.Equal(new MemberAccess(new Identifier("user"), "id"), view.Dataset["userId"]);
        Assert.Equal(["class"], view.Attrs!.Keys);
    }

    [Fact]
    public void Templates_AreDefinedByName_AndUsedWithData()
    {
        var document = Compile("""
            <import src="../common/item.wxml"/>
            <template name="card"><view>{{title}}</view></template>
            <template is="card" data="{{...item, index, size: 2}}"/>
            <template is="{{kind}}"/>
            """);

        Assert.Equal(["pages/common/item.wxml"], document.Imports);
        Assert.Equal("view", Assert.IsType<ElementNode>(Assert.Single(document.Templates!["card"])).Tag);
        Assert.Equal(2, document.Nodes.Count);
        var use = Assert.IsType<TemplateUseNode>(document.Nodes[0]);
        Assert.Equal(new StringLiteral("card"), use.Is);
        Assert.Equal([null, "index", "size"], use.Data!.Entries.Select(e => e.Name));
        var dynamic = Assert.IsType<TemplateUseNode>(document.Nodes[1]);
        Assert.Equal(new Identifier("kind"), dynamic.Is);
        Assert.Null(dynamic.Data);
    }

    [Fact]
    public void Includes_StandWhereTheyAre_AndAreRecorded()
    {
        var document = Compile("<include src=\"/components/header.wxml\"/><view/>");

        Assert.Equal(new IncludeNode("components/header.wxml"), document.Nodes[0]);
        Assert.Equal(["components/header.wxml"], document.Includes);
    }

    [Fact]
    public void AnIncludeLeavingThePackage_IsAnError()
    {
        Assert.Contains("leaves the package", Error("<include src=\"../../../x.wxml\"/>").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WxsModules_AreRecorded_InlineOrBySrc_AndTheirFunctionsCallable()
    {
        var document = Compile("""
            <wxs module="fmt">module.exports = { lt: function (a, b) { return a < b && b > 0; } };</wxs>
            <wxs module="util" src="./util.wxs"/>
            <view>{{fmt.lt(1, 2)}}</view>
            """);

        Assert.Equal(2, document.Wxs!.Count);
        Assert.Contains("a < b", document.Wxs[0].Script, StringComparison.Ordinal);
        Assert.Equal(new WxsModule("util", "pages/index/util.wxs", null), document.Wxs[1]);
        var view = Assert.IsType<ElementNode>(Assert.Single(document.Nodes));
        Assert.IsType<WxsCall>(Assert.IsType<TextNode>(Assert.Single(view.Children!)).Value);
    }

    [Fact]
    public void ACallOfAnUndeclaredModule_IsAnErrorAtItsParenthesis()
    {
        var error = Error("<wxs module=\"fmt\" src=\"fmt.wxs\"/>\n<view>{{ util.price(p) }}</view>");

        Assert.Equal((2, 20), (error.Line, error.Column));
        Assert.Contains("'util' is not a wxs module", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AModule_MayBeDeclaredAfterItsCalls()
    {
        var document = Compile("<view>{{ fmt.price(p) }}</view><wxs module=\"fmt\" src=\"fmt.wxs\"/>");

        Assert.Equal("fmt", Assert.Single(document.Wxs!).Module);
    }

    [Fact]
    public void Entities_AreDecoded_InTextAndAttributes()
    {
        var view = Single("<view title=\"&quot;a&quot; &amp; b\">&lt;tag&gt; &#39;q&#39; &nbsp;&#x4e2d;&unknown;</view>");

        Assert.Equal(new StringLiteral("\"a\" & b"), view.Attrs!["title"]);
        Assert.Equal(new StringLiteral("<tag> 'q' \u00A0中&unknown;"), Assert.IsType<TextNode>(Assert.Single(view.Children!)).Value);
    }

    [Fact]
    public void InsideABinding_EntitiesAreNotDecoded_SoPositionsInErrorsStayTrue()
    {
        var view = Single("<view title=\"{{'a &amp; b'}}\">{{a && b}}</view>");

        Assert.Equal(new StringLiteral("a &amp; b"), view.Attrs!["title"]);
        Assert.Equal("&&", Assert.IsType<BinaryOperation>(Assert.IsType<TextNode>(Assert.Single(view.Children!)).Value).Operator);
    }

    [Fact]
    public void CommentsAreDropped_WhitespaceBetweenTagsToo_ButTextKeepsItsSpaces()
    {
        var view = Single("<view>\n  <!-- a <view> in a comment -->\n  <text> a  b </text>\n  tail {{x}}\n</view>");

        Assert.Equal(2, view.Children!.Count);
        var text = Assert.IsType<ElementNode>(view.Children[0]);
        Assert.Equal(new TextNode(new StringLiteral(" a  b ")), Assert.Single(text.Children!));
        var tail = Assert.IsType<Concatenation>(Assert.IsType<TextNode>(view.Children[1]).Value);
        Assert.Equal(new StringLiteral("\n  tail "), tail.Parts[0]);
    }

    [Fact]
    public void WhitespaceInsideText_IsKept()
    {
        var text = Single("<text>  </text>");

        Assert.Equal(new TextNode(new StringLiteral("  ")), Assert.Single(text.Children!));
    }

    [Fact]
    public void DeeplyNestedElements_AreAnError_NotAStackOverflow_AndTheDeepestAcceptedStillSerialises()
    {
        var deep = string.Concat(Enumerable.Repeat("<view>", 100_000)) + string.Concat(Enumerable.Repeat("</view>", 100_000));
        var branch = "<view wx:if=\"{{" + new string('[', 90) + "x" + new string(']', 90) + "}}\">";
        var fine = string.Concat(Enumerable.Repeat(branch, 128)) + string.Concat(Enumerable.Repeat("</view>", 128));

        Assert.Contains("nest deeper", Error(deep).Message, StringComparison.Ordinal);
        Assert.StartsWith("{\"file\"", WxmlCompiler.ToJson(Compile(fine)), StringComparison.Ordinal);
    }

    [Fact]
    public void AMismatchedClosingTag_NamesBothPositions()
    {
        var error = Error("<view>\n  <text>x</view>");

        Assert.Equal((2, 10), (error.Line, error.Column));
        Assert.Contains("<text> opened at line 2, column 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnclosedTag_IsAnErrorAtItsOpening()
    {
        var atEnd = Error("<view>\n  <view>\n    <text>x</text>\n</view>");
        Assert.Equal((1, 1), (atEnd.Line, atEnd.Column));
        Assert.Contains("<view> is not closed", atEnd.Message, StringComparison.Ordinal);

        var error = Error("<view>\n  <text>x\n</view>");

        Assert.Equal((3, 1), (error.Line, error.Column));
        Assert.Contains("does not match <text> opened at line 2, column 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AStrayClosingTag_AndABrokenBinding_AreErrorsAtTheirPositions()
    {
        var stray = Error("<view/></text>");
        Assert.Equal((1, 8), (stray.Line, stray.Column));

        var binding = Error("<view>\n  {{ a + }}</view>");
        Assert.Equal((2, 10), (binding.Line, binding.Column));

        var attribute = Error("<view class=\"x {{ 'a\"/>");
        Assert.Equal((1, 16), (attribute.Line, attribute.Column));
    }

    private sealed class ConcatenationComparer : IEqualityComparer<Expr>
    {
        public bool Equals(Expr? x, Expr? y) =>
            x is Concatenation a && y is Concatenation b ? a.Parts.SequenceEqual(b.Parts) : Equals(x, y);

        public int GetHashCode(Expr obj) => 0;
    }
}
