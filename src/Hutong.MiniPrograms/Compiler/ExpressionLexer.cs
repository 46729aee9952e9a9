using System.Globalization;
using System.Text;

namespace Hutong.MiniPrograms.Compiler;

internal enum TokenKind
{
    End,
    Number,
    String,
    Identifier,
    Punctuator,
}

internal readonly record struct Token(TokenKind Kind, string Text, int Offset, double Number = 0);

/// <summary>Splits the text of one binding (a range of a source file) into tokens that keep their file offsets.</summary>
internal static class ExpressionLexer
{
    // Longest first, so "===" wins over "==" and "=".
    private static readonly string[] Punctuators =
    [
        "===", "!==", "...", "==", "!=", "<=", ">=", "&&", "||",
        "+", "-", "*", "/", "%", "<", ">", "!", "?", ":", ".", ",", "(", ")", "[", "]", "{", "}",
    ];

    public static List<Token> Tokenize(SourceText source, int start, int end)
    {
        var text = source.Text;
        var tokens = new List<Token>();
        var i = start;
        while (true)
        {
            while (i < end && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= end)
            {
                tokens.Add(new Token(TokenKind.End, "", end));
                return tokens;
            }

            var c = text[i];
            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < end && char.IsAsciiDigit(text[i + 1])))
            {
                tokens.Add(ReadNumber(source, ref i, end));
            }
            else if (c is '"' or '\'')
            {
                tokens.Add(ReadString(source, ref i, end));
            }
            else if (char.IsLetter(c) || c is '_' or '$')
            {
                var from = i;
                while (i < end && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '$'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Identifier, text[from..i], from));
            }
            else
            {
                var punctuator = Array.Find(Punctuators, p => i + p.Length <= end && string.CompareOrdinal(text, i, p, 0, p.Length) == 0)
                    ?? throw source.Error(i, $"unexpected character '{c}'");
                tokens.Add(new Token(TokenKind.Punctuator, punctuator, i));
                i += punctuator.Length;
            }
        }
    }

    private static Token ReadNumber(SourceText source, ref int i, int end)
    {
        var text = source.Text;
        var from = i;
        while (i < end && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i < end && text[i] == '.')
        {
            i++;
            while (i < end && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        if (i < end && text[i] is 'e' or 'E')
        {
            var exponent = i + 1;
            if (exponent < end && text[exponent] is '+' or '-')
            {
                exponent++;
            }

            if (exponent < end && char.IsAsciiDigit(text[exponent]))
            {
                i = exponent;
                while (i < end && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }
            }
        }

        if (i < end && (char.IsLetter(text[i]) || text[i] is '_' or '$'))
        {
            throw source.Error(i, "a number cannot be followed by a name");
        }

        var literal = text[from..i];
        return new Token(TokenKind.Number, literal, from, double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    private static Token ReadString(SourceText source, ref int i, int end)
    {
        var text = source.Text;
        var from = i;
        var quote = text[i++];
        var value = new StringBuilder();
        while (true)
        {
            if (i >= end || text[i] == '\n')
            {
                throw source.Error(from, "string is not closed");
            }

            var c = text[i++];
            if (c == quote)
            {
                return new Token(TokenKind.String, value.ToString(), from);
            }

            if (c != '\\')
            {
                value.Append(c);
                continue;
            }

            if (i >= end)
            {
                throw source.Error(from, "string is not closed");
            }

            var escaped = text[i++];
            switch (escaped)
            {
                case 'n': value.Append('\n'); break;
                case 't': value.Append('\t'); break;
                case 'r': value.Append('\r'); break;
                case 'b': value.Append('\b'); break;
                case 'f': value.Append('\f'); break;
                case 'v': value.Append('\v'); break;
                case '0': value.Append('\0'); break;
                case 'u':
                    if (i + 4 > end || !int.TryParse(text.AsSpan(i, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        throw source.Error(i - 2, "\\u needs four hex digits");
                    }

                    value.Append((char)code);
                    i += 4;
                    break;
                default: value.Append(escaped); break;
            }
        }
    }
}
