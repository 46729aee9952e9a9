using System.Text.Json;

namespace Hutong.MiniPrograms.Compiler;

/// <summary>Compiles <c>{{ }}</c> bindings and text that mixes literal parts with bindings.</summary>
public static class ExpressionCompiler
{
    /// <summary>Compiles one expression, the inside of a <c>{{ }}</c>.</summary>
    /// <exception cref="CompileException">The expression is not valid; the error names <paramref name="file"/>.</exception>
    public static Expr Compile(string expression, string file = "<expression>")
    {
        ArgumentNullException.ThrowIfNull(expression);
        return ExpressionParser.Parse(new SourceText(file, expression), 0, expression.Length);
    }

    /// <summary>Compact JSON of an expression, as the renderer reads it.</summary>
    public static string ToJson(Expr expression) => JsonSerializer.Serialize(expression, MiniProgramJsonContext.Default.Expr);

    /// <summary>
    /// Compiles a range of a file holding literal text and bindings. A range that is exactly one binding keeps the
    /// binding's type; a mix becomes a <see cref="Concatenation"/>; literal parts have their entities decoded.
    /// </summary>
    internal static Expr CompileValue(SourceText source, int start, int end, bool objectBody = false)
    {
        var text = source.Text;
        var parts = new List<Expr>();
        var i = start;
        while (i < end)
        {
            var open = text.IndexOf("{{", i, end - i, StringComparison.Ordinal);
            if (open < 0)
            {
                parts.Add(new StringLiteral(Entities.Decode(text[i..end])));
                break;
            }

            if (open > i)
            {
                parts.Add(new StringLiteral(Entities.Decode(text[i..open])));
            }

            var close = FindBindingEnd(text, open + 2, end);
            if (close < 0)
            {
                throw source.Error(open, "'{{' is not closed by '}}'");
            }

            parts.Add(objectBody
                ? ExpressionParser.ParseObjectBody(source, open + 2, close)
                : ExpressionParser.Parse(source, open + 2, close));
            i = close + 2;
        }

        return parts.Count switch
        {
            0 => new StringLiteral(""),
            1 => parts[0],
            _ => new Concatenation(parts),
        };
    }

    /// <summary>
    /// The offset of the <c>}}</c> closing a binding whose body starts at <paramref name="start"/>, or -1. Strings and
    /// object literals are skipped, so <c>{{ {a: '}}'} }}</c> closes at its last braces.
    /// </summary>
    internal static int FindBindingEnd(string text, int start, int end)
    {
        var depth = 0;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c is '"' or '\'')
            {
                for (i++; i < end && text[i] != c; i++)
                {
                    if (text[i] == '\\')
                    {
                        i++;
                    }
                }
            }
            else if (c == '{')
            {
                depth++;
            }
            else if (c == '}')
            {
                if (depth == 0 && i + 1 < end && text[i + 1] == '}')
                {
                    return i;
                }

                depth = Math.Max(0, depth - 1);
            }
        }

        return -1;
    }
}
