namespace Hutong.MiniPrograms.Compiler;

/// <summary>
/// Recursive descent over JavaScript's precedence, for the subset WXML allows: literals, paths, unary, arithmetic,
/// comparison, logical, conditional, array and object literals, and calls of WXS module functions only.
/// </summary>
internal sealed class ExpressionParser
{
    private readonly SourceText source;
    private readonly List<Token> tokens;
    // The parser recurses once per nesting level; an uploaded file must not be able to exhaust the stack.
    internal const int MaxDepth = 100;

    private int position;
    private int depth;

    private ExpressionParser(SourceText source, int start, int end)
    {
        this.source = source;
        tokens = ExpressionLexer.Tokenize(source, start, end);
    }

    private Token Current => tokens[position];

    /// <summary>Parses the whole range as one expression.</summary>
    public static Expr Parse(SourceText source, int start, int end)
    {
        var parser = new ExpressionParser(source, start, end);
        if (parser.Current.Kind == TokenKind.End)
        {
            throw source.Error(start, "empty expression");
        }

        var expression = parser.ParseConditional();
        parser.ExpectEnd();
        return expression;
    }

    /// <summary>
    /// Parses the range as the inside of an object literal, as a template's <c>data="{{...item, a: 1}}"</c> is written
    /// (WeChat's braces are implied there; <c>{{item}}</c> means <c>{item: item}</c>).
    /// </summary>
    public static ObjectLiteral ParseObjectBody(SourceText source, int start, int end)
    {
        var parser = new ExpressionParser(source, start, end);
        var entries = parser.ParseObjectEntries(TokenKind.End, null);
        parser.ExpectEnd();
        return new ObjectLiteral(entries);
    }

    private void ExpectEnd()
    {
        if (Current.Kind != TokenKind.End)
        {
            throw source.Error(Current.Offset, $"unexpected '{Current.Text}'");
        }
    }

    private bool Accept(string punctuator)
    {
        if (Current.Kind == TokenKind.Punctuator && Current.Text == punctuator)
        {
            position++;
            return true;
        }

        return false;
    }

    private void Expect(string punctuator)
    {
        if (!Accept(punctuator))
        {
            var found = Current.Kind == TokenKind.End ? "the end of the expression" : $"'{Current.Text}'";
            throw source.Error(Current.Offset, $"expected '{punctuator}' but found {found}");
        }
    }

    private string? AcceptAny(params string[] punctuators)
    {
        if (Current.Kind == TokenKind.Punctuator && Array.IndexOf(punctuators, Current.Text) >= 0)
        {
            return tokens[position++].Text;
        }

        return null;
    }

    private Expr ParseConditional()
    {
        Enter();
        try
        {
            return ParseConditionalUnguarded();
        }
        finally
        {
            depth--;
        }
    }

    private void Enter()
    {
        if (++depth > MaxDepth)
        {
            throw source.Error(Current.Offset, $"expression nests deeper than {MaxDepth} levels");
        }
    }

    private Expr ParseConditionalUnguarded()
    {
        var test = ParseBinary(0);
        if (!Accept("?"))
        {
            return test;
        }

        var then = ParseConditional();
        Expect(":");
        return new Conditional(test, then, ParseConditional());
    }

    // Lowest first: ||, &&, equality, relational, additive, multiplicative.
    private static readonly string[][] BinaryLevels =
    [
        ["||"],
        ["&&"],
        ["===", "!==", "==", "!="],
        ["<=", ">=", "<", ">"],
        ["+", "-"],
        ["*", "/", "%"],
    ];

    private Expr ParseBinary(int level)
    {
        if (level == BinaryLevels.Length)
        {
            return ParseUnary();
        }

        var left = ParseBinary(level + 1);
        while (AcceptAny(BinaryLevels[level]) is { } op)
        {
            left = new BinaryOperation(op, left, ParseBinary(level + 1));
        }

        return left;
    }

    private Expr ParseUnary()
    {
        if (AcceptAny("!", "-", "+") is not { } op)
        {
            return ParsePostfix();
        }

        Enter();
        Expr operand;
        try
        {
            operand = ParseUnary();
        }
        finally
        {
            depth--;
        }

        return op == "-" && operand is NumberLiteral number ? new NumberLiteral(-number.Value) : new UnaryOperation(op, operand);
    }

    private Expr ParsePostfix()
    {
        var expression = ParsePrimary();
        while (true)
        {
            if (Accept("."))
            {
                if (Current.Kind != TokenKind.Identifier)
                {
                    throw source.Error(Current.Offset, "expected a property name after '.'");
                }

                expression = new MemberAccess(expression, tokens[position++].Text);
            }
            else if (Accept("["))
            {
                var index = ParseConditional();
                Expect("]");
                expression = new IndexAccess(expression, index);
            }
            else if (Current.Kind == TokenKind.Punctuator && Current.Text == "(")
            {
                if (expression is not MemberAccess { Target: Identifier module } member)
                {
                    throw source.Error(Current.Offset, "only functions of a wxs module can be called, as module.function(...)");
                }

                if (source.WxsModules is { } modules && !modules.Contains(module.Name))
                {
                    throw source.Error(Current.Offset, $"'{module.Name}' is not a wxs module of this file");
                }

                position++;
                var arguments = new List<Expr>();
                while (!Accept(")"))
                {
                    arguments.Add(ParseConditional());
                    if (!Accept(","))
                    {
                        Expect(")");
                        break;
                    }
                }

                expression = new WxsCall(module.Name, member.Name, arguments);
            }
            else
            {
                return expression;
            }
        }
    }

    private Expr ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                position++;
                return new NumberLiteral(token.Number);
            case TokenKind.String:
                position++;
                return new StringLiteral(token.Text);
            case TokenKind.Identifier:
                position++;
                return token.Text switch
                {
                    "true" => new BooleanLiteral(true),
                    "false" => new BooleanLiteral(false),
                    "null" => new NullLiteral(),
                    "undefined" => new UndefinedLiteral(),
                    _ => new Identifier(token.Text),
                };
            case TokenKind.End:
                throw source.Error(token.Offset, "unexpected end of the expression");
            case TokenKind.Punctuator:
            default:
                break;
        }

        if (Accept("("))
        {
            var inner = ParseConditional();
            Expect(")");
            return inner;
        }

        if (Accept("["))
        {
            var items = new List<Expr>();
            while (!Accept("]"))
            {
                items.Add(ParseConditional());
                if (!Accept(","))
                {
                    Expect("]");
                    break;
                }
            }

            return new ArrayLiteral(items);
        }

        if (Accept("{"))
        {
            return new ObjectLiteral(ParseObjectEntries(TokenKind.Punctuator, "}"));
        }

        throw source.Error(token.Offset, $"unexpected '{token.Text}'");
    }

    private List<ObjectEntry> ParseObjectEntries(TokenKind closeKind, string? close)
    {
        var entries = new List<ObjectEntry>();
        while (!IsClose())
        {
            if (Accept("..."))
            {
                entries.Add(new ObjectEntry(null, ParseConditional()));
            }
            else
            {
                var key = Current;
                if (key.Kind is not (TokenKind.Identifier or TokenKind.String or TokenKind.Number))
                {
                    throw source.Error(key.Offset, "expected a property name or '...'");
                }

                position++;
                if (Accept(":"))
                {
                    entries.Add(new ObjectEntry(key.Text, ParseConditional()));
                }
                else if (key.Kind == TokenKind.Identifier)
                {
                    entries.Add(new ObjectEntry(key.Text, new Identifier(key.Text)));
                }
                else
                {
                    throw source.Error(Current.Offset, "expected ':' after a quoted property name");
                }
            }

            if (!Accept(","))
            {
                break;
            }
        }

        if (close is not null)
        {
            Expect(close);
        }

        return entries;

        bool IsClose() => Current.Kind == closeKind && (close is null || Current.Text == close);
    }
}
