using System.Text;

namespace Hutong.MiniPrograms.Compiler;

/// <summary>
/// Turns WXSS into CSS: each <c>Nrpx</c> becomes <c>calc(N * var(--rpx))</c>, where the page sets <c>--rpx</c> to a
/// 750th of its width; strings, comments and <c>url(...)</c> are left as written. <c>@import "x.wxss";</c> is taken
/// out and its resolved path recorded, for the package step to inline.
/// </summary>
public static class WxssCompiler
{
    /// <exception cref="CompileException">A string, comment, url or import is not finished, or an import leaves the package.</exception>
    public static WxssResult Compile(string file, string text)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(text);
        var source = new SourceText(file, text);
        var css = new StringBuilder(text.Length);
        var imports = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '/' && At(text, i, "/*"))
            {
                var close = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                var end = close < 0 ? throw source.Error(i, "comment is not closed by '*/'") : close + 2;
                css.Append(text, i, end - i);
                i = end;
            }
            else if (c is '"' or '\'')
            {
                var end = SkipString(source, i);
                css.Append(text, i, end - i);
                i = end;
            }
            else if (c is 'u' or 'U' && At(text, i, "url(") && !IsWordChar(Before(text, i)))
            {
                var end = SkipUrl(source, i);
                css.Append(text, i, end - i);
                i = end;
            }
            else if (c == '@' && At(text, i, "@import") && !IsWordChar(At(text, i + 7)))
            {
                i = ReadImport(source, i, imports);
            }
            else if (IsNumberStart(text, i) && !IsWordChar(Before(text, i)))
            {
                var end = i + 1;
                while (end < text.Length && (char.IsAsciiDigit(text[end]) || (text[end] == '.' && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1]))))
                {
                    end++;
                }

                if (At(text, end, "rpx") && !IsWordChar(At(text, end + 3)))
                {
                    var number = text[i..end].TrimStart('+');
                    css.Append("calc(").Append(number).Append(" * var(--rpx))");
                    i = end + 3;
                }
                else
                {
                    css.Append(text, i, end - i);
                    i = end;
                }
            }
            else
            {
                css.Append(c);
                i++;
            }
        }

        return new WxssResult(css.ToString(), imports);
    }

    private static bool At(string text, int i, string value) =>
        i + value.Length <= text.Length && string.Compare(text, i, value, 0, value.Length, StringComparison.OrdinalIgnoreCase) == 0;

    private static char At(string text, int i) => i < text.Length ? text[i] : ' ';

    private static char Before(string text, int i) => i > 0 ? text[i - 1] : ' ';

    // '#' and '.' count as word characters so a colour (#750) or a class name's digits are never taken for a number.
    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '-' or '#' or '.' or '\\';

    private static bool IsNumberStart(string text, int i)
    {
        var c = text[i];
        if (char.IsAsciiDigit(c))
        {
            return true;
        }

        var next = i + 1;
        if (c is '-' or '+')
        {
            if (At(text, next) == '.')
            {
                next++;
            }

            return char.IsAsciiDigit(At(text, next));
        }

        return c == '.' && char.IsAsciiDigit(At(text, next));
    }

    private static int SkipString(SourceText source, int start)
    {
        var text = source.Text;
        var quote = text[start];
        for (var i = start + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == quote)
            {
                return i + 1;
            }
            else if (text[i] == '\n')
            {
                break;
            }
        }

        throw source.Error(start, "string is not closed");
    }

    private static int SkipUrl(SourceText source, int start)
    {
        var text = source.Text;
        for (var i = start + 4; i < text.Length; i++)
        {
            if (text[i] is '"' or '\'')
            {
                i = SkipString(source, i) - 1;
            }
            else if (text[i] == ')')
            {
                return i + 1;
            }
        }

        throw source.Error(start, "url( is not closed by ')'");
    }

    private static int ReadImport(SourceText source, int start, List<string> imports)
    {
        var text = source.Text;
        var i = start + "@import".Length;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        string reference;
        if (i < text.Length && text[i] is '"' or '\'')
        {
            var end = SkipString(source, i);
            reference = text[(i + 1)..(end - 1)];
            i = end;
        }
        else if (At(text, i, "url("))
        {
            var end = SkipUrl(source, i);
            reference = text[(i + 4)..(end - 1)].Trim().Trim('"', '\'');
            i = end;
        }
        else
        {
            throw source.Error(start, "@import needs a quoted path");
        }

        while (i < text.Length && char.IsWhiteSpace(text[i]) && text[i] != '\n')
        {
            i++;
        }

        if (i >= text.Length || text[i] != ';')
        {
            throw source.Error(start, "@import must end with ';'");
        }

        imports.Add(PackagePath.Resolve(source.File, reference) ?? throw source.Error(start, $"@import '{reference}' leaves the package"));
        return i + 1;
    }
}
