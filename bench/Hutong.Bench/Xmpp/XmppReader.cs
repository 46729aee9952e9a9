using System.Buffers;
using System.Buffers.Text;
using System.Net.Sockets;
using System.Text;

namespace Hutong.Bench.Xmpp;

/// <summary>
/// Splits the server's half of an XMPP stream into top-level elements without building a tree: a scan for tag
/// boundaries and a depth count. The generator shares the machine with the server, so reading must cost little;
/// the bench only ever needs an element's name, a few attributes and a message body, and ejabberd writes
/// well-formed XML (no CDATA or comments).
/// </summary>
internal sealed class XmppReader(Socket socket)
{
    private static readonly SearchValues<byte> TagEndOrQuote = SearchValues.Create("'\">"u8);
    private static readonly SearchValues<byte> NameEnd = SearchValues.Create(" \t\r\n/>"u8);

    private byte[] _buffer = new byte[8 * 1024];
    private int _start;
    private int _end;

    /// <summary>
    /// The next top-level element, or the stream header (its opening tag only), or the stream's closing tag. The
    /// memory is the reader's own and valid until the next call.
    /// </summary>
    public async ValueTask<ReadOnlyMemory<byte>> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var length = Scan(_buffer.AsSpan(_start, _end - _start), out var skipped);
            _start += skipped;
            if (length > 0)
            {
                var element = _buffer.AsMemory(_start, length);
                _start += length;
                return element;
            }

            if (_start > 0)
            {
                _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            var read = await socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, cancellationToken);
            if (read == 0)
            {
                throw new IOException("The server closed the connection.");
            }

            _end += read;
        }
    }

    /// <summary>The element's name as written, prefix included (<c>message</c>, <c>stream:features</c>, <c>/stream:stream</c>).</summary>
    public static ReadOnlySpan<byte> Name(ReadOnlySpan<byte> element)
    {
        var from = element[1] == '/' ? 2 : 1;
        var end = element[from..].IndexOfAny(NameEnd);
        return element[1..(end < 0 ? element.Length : from + end)];
    }

    /// <summary>An attribute of the element's opening tag, still escaped; empty when absent.</summary>
    public static ReadOnlySpan<byte> Attribute(ReadOnlySpan<byte> element, ReadOnlySpan<byte> name)
    {
        var tag = element[..(TagEnd(element, 1) + 1)];
        for (var from = 0; ;)
        {
            var at = tag[from..].IndexOf(name);
            if (at < 0)
            {
                return [];
            }

            at += from;
            var after = at + name.Length;
            if (IsSpace(tag[at - 1]) && after + 1 < tag.Length && tag[after] == '=' && tag[after + 1] is (byte)'\'' or (byte)'"')
            {
                var quote = tag[after + 1];
                var value = tag[(after + 2)..];
                return value[..value.IndexOf(quote)];
            }

            from = after;
        }
    }

    /// <summary>The text of the first child element named <paramref name="name"/>, unescaped; null when there is none.</summary>
    public static string? ChildText(ReadOnlySpan<byte> element, ReadOnlySpan<byte> name)
    {
        Span<byte> open = stackalloc byte[name.Length + 1];
        open[0] = (byte)'<';
        name.CopyTo(open[1..]);
        for (var from = 0; ;)
        {
            var at = element[from..].IndexOf(open);
            if (at < 0)
            {
                return null;
            }

            at += from + open.Length;
            if (at < element.Length && element[at] is (byte)'>' or (byte)' ')
            {
                var gt = TagEnd(element, at);
                if (element[gt - 1] == '/')
                {
                    return "";
                }

                var text = element[(gt + 1)..];
                return Unescape(text[..text.IndexOf((byte)'<')]);
            }

            from = at;
        }
    }

    public static bool TryParseUInt(ReadOnlySpan<byte> text, out uint value) => Utf8Parser.TryParse(text, out value, out var used) && used == text.Length;

    private static string Unescape(ReadOnlySpan<byte> text)
    {
        var value = Encoding.UTF8.GetString(text);
        return text.Contains((byte)'&')
            ? value.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal)
                .Replace("&quot;", "\"", StringComparison.Ordinal).Replace("&apos;", "'", StringComparison.Ordinal)
                .Replace("&amp;", "&", StringComparison.Ordinal)
            : value;
    }

    /// <summary>
    /// The length of the first complete element in <paramref name="data"/> after <paramref name="skipped"/> bytes of
    /// whitespace and XML declarations, or 0 when more data is needed.
    /// </summary>
    private static int Scan(ReadOnlySpan<byte> data, out int skipped)
    {
        var i = 0;
        while (true)
        {
            while (i < data.Length && IsSpace(data[i]))
            {
                i++;
            }

            skipped = i;
            if (i + 1 >= data.Length)
            {
                return 0;
            }

            if (data[i] != '<')
            {
                throw new InvalidDataException("Text outside an element in the XMPP stream.");
            }

            if (data[i + 1] != '?')
            {
                break;
            }

            var end = data[i..].IndexOf("?>"u8);
            if (end < 0)
            {
                return 0;
            }

            i += end + 2;
        }

        var rest = data[i..];
        var depth = 0;
        for (var p = 0; p < rest.Length;)
        {
            if (rest[p] != '<')
            {
                var lt = rest[p..].IndexOf((byte)'<');
                if (lt < 0)
                {
                    return 0;
                }

                p += lt;
                continue;
            }

            var gt = TagEnd(rest, p + 1);
            if (gt < 0)
            {
                return 0;
            }

            if (rest[p + 1] == '/')
            {
                // A closing tag at the top is the end of the stream itself.
                if (--depth <= 0)
                {
                    return gt + 1;
                }
            }
            else if (rest[gt - 1] != '/')
            {
                // The stream header opens the document and stays open: it is an element of its own.
                if (depth == 0 && rest[(p + 1)..].StartsWith("stream:stream"u8))
                {
                    return gt + 1;
                }

                depth++;
            }
            else if (depth == 0)
            {
                return gt + 1;
            }

            p = gt + 1;
        }

        return 0;
    }

    /// <summary>The index of the <c>&gt;</c> that ends the tag whose name starts at <paramref name="from"/>, or -1.</summary>
    private static int TagEnd(ReadOnlySpan<byte> data, int from)
    {
        for (var p = from; p < data.Length;)
        {
            var at = data[p..].IndexOfAny(TagEndOrQuote);
            if (at < 0)
            {
                return -1;
            }

            p += at;
            if (data[p] == '>')
            {
                return p;
            }

            var close = data[(p + 1)..].IndexOf(data[p]);
            if (close < 0)
            {
                return -1;
            }

            p += close + 2;
        }

        return -1;
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';
}
