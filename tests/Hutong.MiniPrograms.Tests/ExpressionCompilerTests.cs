using System.Text.Json.Nodes;
using Hutong.MiniPrograms.Compiler;

namespace Hutong.MiniPrograms.Tests;

public sealed class ExpressionCompilerTests
{
    [Fact]
    public void Multiplication_BindsTighterThanAddition()
    {
        var expression = ExpressionCompiler.Compile("a + b * c");

        var sum = Assert.IsType<BinaryOperation>(expression);
        Assert.Equal("+", sum.Operator);
        Assert.Equal(new Identifier("a"), sum.Left);
        var product = Assert.IsType<BinaryOperation>(sum.Right);
        Assert.Equal("*", product.Operator);
    }

    [Fact]
    public void Not_BindsTighterThanAnd_WhichBindsTighterThanOr()
    {
        var expression = ExpressionCompiler.Compile("!a && b || c");

        var or = Assert.IsType<BinaryOperation>(expression);
        Assert.Equal("||", or.Operator);
        Assert.Equal(new Identifier("c"), or.Right);
        var and = Assert.IsType<BinaryOperation>(or.Left);
        Assert.Equal("&&", and.Operator);
        Assert.Equal(new UnaryOperation("!", new Identifier("a")), and.Left);
    }

    [Fact]
    public void Comparisons_BindTighterThanEquality_AndArithmeticTighterStill()
    {
        var expression = ExpressionCompiler.Compile("a - 1 < b === c >= d % 2");

        var equal = Assert.IsType<BinaryOperation>(expression);
        Assert.Equal("===", equal.Operator);
        Assert.Equal("<", Assert.IsType<BinaryOperation>(equal.Left).Operator);
        var right = Assert.IsType<BinaryOperation>(equal.Right);
        Assert.Equal(">=", right.Operator);
        Assert.Equal("%", Assert.IsType<BinaryOperation>(right.Right).Operator);
    }

    [Fact]
    public void Subtraction_IsLeftAssociative()
    {
        var expression = Assert.IsType<BinaryOperation>(ExpressionCompiler.Compile("a - b - c"));

        Assert.Equal(new Identifier("c"), expression.Right);
        Assert.IsType<BinaryOperation>(expression.Left);
    }

    [Fact]
    public void NestedTernaries_AssociateToTheRight()
    {
        var expression = ExpressionCompiler.Compile("a ? b : c ? d : e");

        var outer = Assert.IsType<Conditional>(expression);
        Assert.Equal(new Identifier("b"), outer.Then);
        var inner = Assert.IsType<Conditional>(outer.Else);
        Assert.Equal(new Identifier("c"), inner.Test);
        Assert.Equal(new Identifier("e"), inner.Else);
    }

    [Fact]
    public void TernaryInTheMiddle_AndParentheses_OverridePrecedence()
    {
        var conditional = Assert.IsType<Conditional>(ExpressionCompiler.Compile("a ? b ? 1 : 2 : 3"));
        Assert.IsType<Conditional>(conditional.Then);

        var product = Assert.IsType<BinaryOperation>(ExpressionCompiler.Compile("(a + b) * c"));
        Assert.Equal("*", product.Operator);
        Assert.Equal("+", Assert.IsType<BinaryOperation>(product.Left).Operator);
    }

    [Theory]
    [InlineData("'it\\'s'", "it's")]
    [InlineData("\"say \\\"hi\\\"\"", "say \"hi\"")]
    [InlineData("'a\\nb\\tc\\\\'", "a\nb\tc\\")]
    [InlineData("'\\u4e2d'", "中")]
    [InlineData("\"it's\"", "it's")]
    public void Strings_TakeBothQuotes_AndEscapes(string source, string value)
    {
        Assert.Equal(new StringLiteral(value), ExpressionCompiler.Compile(source));
    }

    [Fact]
    public void Literals_AreTyped()
    {
        Assert.Equal(new NumberLiteral(1.5), ExpressionCompiler.Compile("1.5"));
        Assert.Equal(new NumberLiteral(-2), ExpressionCompiler.Compile("-2"));
        Assert.Equal(new NumberLiteral(0.5), ExpressionCompiler.Compile(".5"));
        Assert.Equal(new BooleanLiteral(true), ExpressionCompiler.Compile("true"));
        Assert.Equal(new BooleanLiteral(false), ExpressionCompiler.Compile("false"));
        Assert.IsType<NullLiteral>(ExpressionCompiler.Compile("null"));
        Assert.IsType<UndefinedLiteral>(ExpressionCompiler.Compile("undefined"));
        Assert.Equal(new UnaryOperation("+", new Identifier("a")), ExpressionCompiler.Compile("+a"));
    }

    [Fact]
    public void Paths_WithDotsAndBrackets_NestInSourceOrder()
    {
        var expression = ExpressionCompiler.Compile("a.b[c].d");

        Assert.Equal(
            new MemberAccess(new IndexAccess(new MemberAccess(new Identifier("a"), "b"), new Identifier("c")), "d"),
            expression);
        Assert.Equal(
            new IndexAccess(new MemberAccess(new Identifier("item"), "list"), new NumberLiteral(0)),
            ExpressionCompiler.Compile("item.list[0]"));
        Assert.Equal(
            new IndexAccess(new Identifier("map"), new StringLiteral("a-b")),
            ExpressionCompiler.Compile("map['a-b']"));
    }

    [Fact]
    public void ObjectLiteral_HoldsPairs_Shorthands_AndSpreads_InOrder()
    {
        var expression = ExpressionCompiler.Compile("{a: 1, 'b c': x, y, ...rest}");

        var literal = Assert.IsType<ObjectLiteral>(expression);
        Assert.Equal(
            [
                new ObjectEntry("a", new NumberLiteral(1)),
                new ObjectEntry("b c", new Identifier("x")),
                new ObjectEntry("y", new Identifier("y")),
                new ObjectEntry(null, new Identifier("rest")),
            ],
            literal.Entries);
    }

    [Fact]
    public void ArrayLiteral_HoldsItsItems()
    {
        var literal = Assert.IsType<ArrayLiteral>(ExpressionCompiler.Compile("[a, 'b', [1]]"));

        Assert.Equal(3, literal.Items.Count);
        Assert.IsType<ArrayLiteral>(literal.Items[2]);
    }

    [Fact]
    public void ModuleFunctionCall_IsMarkedAsWxs()
    {
        var expression = ExpressionCompiler.Compile("fmt.price(item.cents, 2)");

        var call = Assert.IsType<WxsCall>(expression);
        Assert.Equal("fmt", call.Module);
        Assert.Equal("price", call.Function);
        Assert.Equal(2, call.Arguments.Count);
    }

    [Theory]
    [InlineData("alert(1)", 1, 6)]
    [InlineData("a.b.c(1)", 1, 6)]
    [InlineData("a[0](1)", 1, 5)]
    public void OtherCalls_AreRefused_AtTheParenthesis(string source, int line, int column)
    {
        var error = Assert.Throws<CompileException>(() => ExpressionCompiler.Compile(source, "p.wxml")).Error;

        Assert.Equal(new CompileError("p.wxml", line, column, error.Message), error);
        Assert.Contains("wxs", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a +", 1, 4)]
    [InlineData("a ? b", 1, 6)]
    [InlineData("'open", 1, 1)]
    [InlineData("a\n  # b", 2, 3)]
    [InlineData("a = 1", 1, 3)]
    [InlineData("", 1, 1)]
    public void SyntaxErrors_NameLineAndColumn(string source, int line, int column)
    {
        var error = Assert.Throws<CompileException>(() => ExpressionCompiler.Compile(source, "e.wxml")).Error;

        Assert.Equal(("e.wxml", line, column), (error.File, error.Line, error.Column));
    }

    [Theory]
    [InlineData("(", ")")]
    [InlineData("[", "]")]
    [InlineData("!", "")]
    [InlineData("-", "")]
    [InlineData("a ? b : ", "")]
    public void DeepNesting_IsAnError_NotAStackOverflow(string open, string close)
    {
        var source = string.Concat(Enumerable.Repeat(open, 100_000)) + "x" + string.Concat(Enumerable.Repeat(close, 100_000));

        Assert.Contains("nests deeper", Assert.Throws<CompileException>(() => ExpressionCompiler.Compile(source)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NestingWithinTheLimit_Compiles()
    {
        Assert.IsType<Identifier>(ExpressionCompiler.Compile(new string('(', 50) + "x" + new string(')', 50)));
    }

    [Fact]
    public void Json_IsCompact_WithAKindOnEveryNode()
    {
        // The default encoder escapes '+', '<' and '&' (\u002B ...), so the JSON stays safe wherever it is embedded.
        var json = ExpressionCompiler.ToJson(ExpressionCompiler.Compile("done ? 'x' : list[i].n + 1"));

        Assert.Equal(
            """{"k":"cond","t":{"k":"id","n":"done"},"y":{"k":"str","v":"x"},"n":{"k":"bin","op":"\u002B","l":{"k":"mem","o":{"k":"idx","o":{"k":"id","n":"list"},"i":{"k":"id","n":"i"}},"n":"n"},"r":{"k":"num","v":1}}}""",
            json);
        Assert.Equal("obj", JsonNode.Parse(ExpressionCompiler.ToJson(ExpressionCompiler.Compile("{...a}")))!["k"]!.GetValue<string>());
    }
}
