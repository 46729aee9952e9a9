namespace Hutong.MiniPrograms.Compiler;

/// <summary>Reads WXML markup into elements, attributes and text, checking that every tag is closed by its own name.</summary>
internal sealed class WxmlReader(SourceText source)
{
    // Compiling the tree recurses once per level; an uploaded file must not be able to exhaust the stack.
    internal const int MaxDepth = 128;

    private readonly string text = source.Text;
    private int i;

    public List<RawNode> Read()
    {
        var root = new RawElement("", 0, [], []);
        var open = new Stack<RawElement>();
        open.Push(root);
        while (i < text.Length)
        {
            if (StartsWith("<!--"))
            {
                var close = text.IndexOf("-->", i + 4, StringComparison.Ordinal);
                if (close < 0)
                {
                    throw source.Error(i, "comment is not closed by '-->'");
                }

                i = close + 3;
            }
            else if (StartsWith("</"))
            {
                var at = i;
                i += 2;
                var name = ReadName();
                SkipWhitespace();
                if (name.Length == 0 || !StartsWith(">"))
                {
                    throw source.Error(at, "malformed closing tag");
                }

                i++;
                var element = open.Peek();
                if (open.Count == 1)
                {
                    throw source.Error(at, $"</{name}> closes no open tag");
                }

                if (element.Tag != name)
                {
                    var (line, column) = source.Position(element.Offset);
                    throw source.Error(at, $"</{name}> does not match <{element.Tag}> opened at line {line}, column {column}");
                }

                open.Pop();
            }
            else if (IsTagStart())
            {
                var element = ReadStartTag(out var selfClosing);
                open.Peek().Children.Add(element);
                if (selfClosing)
                {
                    continue;
                }

                if (element.Tag == "wxs")
                {
                    // WXS is script: a '<' in it is an operator, not markup.
                    var close = text.IndexOf("</wxs>", i, StringComparison.Ordinal);
                    if (close < 0)
                    {
                        throw source.Error(element.Offset, "<wxs> is not closed");
                    }

                    element.Content = text[i..close];
                    i = close + "</wxs>".Length;
                    continue;
                }

                if (open.Count > MaxDepth)
                {
                    throw source.Error(element.Offset, $"elements nest deeper than {MaxDepth} levels");
                }

                open.Push(element);
            }
            else
            {
                ReadText(open.Peek());
            }
        }

        if (open.Count > 1)
        {
            var unclosed = open.Peek();
            throw source.Error(unclosed.Offset, $"<{unclosed.Tag}> is not closed");
        }

        return root.Children;
    }

    private bool StartsWith(string value) => string.CompareOrdinal(text, i, value, 0, value.Length) == 0;

    private bool IsTagStart() => text[i] == '<' && i + 1 < text.Length && char.IsLetter(text[i + 1]);

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '-' or '_' or ':' or '.' or '@';

    private string ReadName()
    {
        var from = i;
        while (i < text.Length && IsNameChar(text[i]))
        {
            i++;
        }

        return text[from..i];
    }

    private void SkipWhitespace()
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
    }

    private void ReadText(RawElement parent)
    {
        var from = i;
        while (i < text.Length)
        {
            if (text[i] == '<' && (StartsWith("<!--") || StartsWith("</") || IsTagStart()))
            {
                break;
            }

            if (StartsWith("{{"))
            {
                // A binding may hold '<' (a comparison), so it is skipped whole.
                var close = ExpressionCompiler.FindBindingEnd(text, i + 2, text.Length);
                if (close < 0)
                {
                    throw source.Error(i, "'{{' is not closed by '}}'");
                }

                i = close + 2;
                continue;
            }

            i++;
        }

        parent.Children.Add(new RawText(from, i));
    }

    private RawElement ReadStartTag(out bool selfClosing)
    {
        var offset = i;
        i++;
        var element = new RawElement(ReadName(), offset, [], []);
        while (true)
        {
            SkipWhitespace();
            if (i >= text.Length)
            {
                throw source.Error(offset, $"<{element.Tag}> tag is not finished by '>'");
            }

            if (StartsWith("/>"))
            {
                i += 2;
                selfClosing = true;
                return element;
            }

            if (text[i] == '>')
            {
                i++;
                selfClosing = false;
                return element;
            }

            var nameOffset = i;
            var name = ReadName();
            if (name.Length == 0)
            {
                throw source.Error(i, $"unexpected '{text[i]}' in <{element.Tag}>");
            }

            if (element.Attributes.Exists(a => a.Name == name))
            {
                throw source.Error(nameOffset, $"attribute '{name}' is repeated");
            }

            SkipWhitespace();
            if (i >= text.Length || text[i] != '=')
            {
                element.Attributes.Add(new RawAttribute(name, nameOffset, -1, -1));
                continue;
            }

            i++;
            SkipWhitespace();
            if (i < text.Length && text[i] is '"' or '\'')
            {
                var quote = text[i];
                var close = text.IndexOf(quote, i + 1);
                if (close < 0)
                {
                    throw source.Error(i, $"value of '{name}' is not closed by {quote}");
                }

                element.Attributes.Add(new RawAttribute(name, nameOffset, i + 1, close));
                i = close + 1;
            }
            else
            {
                var from = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '>' && !StartsWith("/>"))
                {
                    i++;
                }

                element.Attributes.Add(new RawAttribute(name, nameOffset, from, i));
            }
        }
    }
}
