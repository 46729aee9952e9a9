using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security;
using System.Text;
using System.Threading.Channels;

namespace Hutong.Bench.Xmpp;

/// <summary>
/// A person on ejabberd: a minimal XMPP client over one TCP connection. It signs in (SASL PLAIN, bind) and enables
/// stream management (XEP-0198). Sends from several callers share the socket through one writer loop, which also
/// batches what is queued into one write. A send returns once the server has taken the message and archived it,
/// like Hutong's ack:
/// <list type="bullet">
/// <item>1:1: the message is followed by an ack request, and the server's <c>&lt;a h='N'/&gt;</c> covers it once the
/// sender's connection has handled it, mod_mam's writes included (acks are matched by count);</item>
/// <item>in a room (XEP-0045) that ack only says the message was passed on to the room, which archives and fans out
/// in a process of its own; the room's reflection of the message to its sender is the ack instead, matched by id.
/// Reflections are never counted as received.</item>
/// </list>
/// </summary>
internal sealed class XmppSession : IChatSession
{
    private static readonly byte[] AckRequest = "<r xmlns='urn:xmpp:sm:3'/>"u8.ToArray();

    private readonly Socket _socket;
    private readonly XmppReader _reader;
    private readonly Channel<Outgoing> _outbox = Channel.CreateUnbounded<Outgoing>(new() { SingleReader = true });
    private readonly Channel<string> _received = Channel.CreateUnbounded<string>(new() { SingleReader = true, SingleWriter = true });
    private readonly Queue<(uint Count, TaskCompletionSource Ack)> _unacked = new();
    private readonly Queue<(uint Id, TaskCompletionSource Ack)> _unreflected = new();
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource _joined = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _closing = new();
    private readonly byte[] _messageStart;
    private readonly byte[] _ownEcho;
    private readonly bool _room;
    private uint _sent;
    private uint _handled;
    private Task _writing = Task.CompletedTask;
    private Task _reading = Task.CompletedTask;

    private XmppSession(Socket socket, string to, bool room, string ownEcho)
    {
        _socket = socket;
        _reader = new XmppReader(socket);
        _messageStart = Encoding.UTF8.GetBytes($"<message to='{to}' type='{(room ? "groupchat" : "chat")}' id='");
        _ownEcho = Encoding.UTF8.GetBytes(ownEcho);
        _room = room;
    }

    /// <summary>
    /// Signs <paramref name="user"/> in and makes them ready to chat with <paramref name="to"/>: a person's bare JID
    /// (after initial presence) or a room's JID (after joining it without history, as nickname <paramref name="user"/>).
    /// </summary>
    public static async Task<IChatSession> ConnectAsync(IPEndPoint server, string domain, string user, string password, string to, bool room, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        var session = new XmppSession(socket, to, room, room ? $"{to}/{user}" : $"{user}@{domain}/bench");
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            await socket.ConnectAsync(server, timeout.Token);
            await session.SignInAsync(domain, user, password, timeout.Token);
            session._writing = session.WriteLoopAsync();
            session._reading = session.ReadLoopAsync();
            if (room)
            {
                await session.SendStanzaAsync($"<presence to='{to}/{user}'><x xmlns='http://jabber.org/protocol/muc'><history maxstanzas='0'/></x></presence>", timeout.Token);
                await session._joined.Task.WaitAsync(timeout.Token);
            }
            else
            {
                // Messages to a bare JID go to the resources that are available: initial presence makes this one so.
                await session.SendStanzaAsync("<presence/>", timeout.Token);
            }

            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    public async Task SendAsync(string text, CancellationToken cancellationToken)
    {
        var ack = new TaskCompletionSource();
        lock (_lock)
        {
            // The stanza's number in the stream is its id: unique, and what the server's acks count.
            var id = ++_sent;
            (_room ? _unreflected : _unacked).Enqueue((id, ack));
            _outbox.Writer.TryWrite(new Outgoing(null, text, id));
        }

        await ack.Task.WaitAsync(cancellationToken);
    }

    public IAsyncEnumerable<string> ReceiveAsync(CancellationToken cancellationToken) => _received.Reader.ReadAllAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        _outbox.Writer.TryWrite(new Outgoing("</stream:stream>"u8.ToArray(), null, 0));
        _outbox.Writer.TryComplete();
        try
        {
            await _writing.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is IOException or SocketException or TimeoutException or ObjectDisposedException)
        {
        }

        await _closing.CancelAsync();
        _socket.Dispose();
        // The read loop ends on its own once the socket is gone, and never throws.
        await _reading;
        _closing.Dispose();
    }

    /// <summary>Stream, SASL PLAIN, stream restart, bind, session if required, and stream management.</summary>
    private async Task SignInAsync(string domain, string user, string password, CancellationToken cancellationToken)
    {
        var header = $"<?xml version='1.0'?><stream:stream to='{domain}' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>";
        await WriteAsync(header, cancellationToken);
        await ExpectAsync("stream:stream", cancellationToken);
        await ExpectAsync("stream:features", cancellationToken);

        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{user}\0{password}"));
        await WriteAsync($"<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>{credentials}</auth>", cancellationToken);
        await ExpectAsync("success", cancellationToken);

        await WriteAsync(header, cancellationToken);
        await ExpectAsync("stream:stream", cancellationToken);
        var features = (await ExpectAsync("stream:features", cancellationToken)).ToArray();

        await WriteAsync("<iq type='set' id='bind'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>bench</resource></bind></iq>", cancellationToken);
        await ExpectResultAsync(cancellationToken);
        if (SessionRequired(features))
        {
            await WriteAsync("<iq type='set' id='session'><session xmlns='urn:ietf:params:xml:ns:xmpp-session'/></iq>", cancellationToken);
            await ExpectResultAsync(cancellationToken);
        }

        // No resumption: a session of the bench lives as long as its connection.
        await WriteAsync("<enable xmlns='urn:xmpp:sm:3'/>", cancellationToken);
        await ExpectAsync("enabled", cancellationToken);
    }

    /// <summary>RFC 3921's session step, which servers now offer as optional.</summary>
    private static bool SessionRequired(ReadOnlySpan<byte> features)
    {
        var at = features.IndexOf("<session"u8);
        if (at < 0)
        {
            return false;
        }

        var session = features[at..];
        var end = session.IndexOf("</session>"u8);
        return end < 0 || session[..end].IndexOf("<optional/>"u8) < 0;
    }

    private async Task<ReadOnlyMemory<byte>> ExpectAsync(string name, CancellationToken cancellationToken)
    {
        var element = await _reader.ReadAsync(cancellationToken);
        return Encoding.UTF8.GetString(XmppReader.Name(element.Span)) == name
            ? element
            : throw new IOException($"Expected <{name}>, got: {Encoding.UTF8.GetString(element.Span)}");
    }

    private async Task ExpectResultAsync(CancellationToken cancellationToken)
    {
        var element = await ExpectAsync("iq", cancellationToken);
        if (!XmppReader.Attribute(element.Span, "type"u8).SequenceEqual("result"u8))
        {
            throw new IOException($"Sign-in step failed: {Encoding.UTF8.GetString(element.Span)}");
        }
    }

    private async Task WriteAsync(string text, CancellationToken cancellationToken) =>
        await _socket.SendAsync(Encoding.UTF8.GetBytes(text), SocketFlags.None, cancellationToken);

    /// <summary>Sends a stanza with an ack request and returns once the server has counted it.</summary>
    private Task SendStanzaAsync(string stanza, CancellationToken cancellationToken)
    {
        var ack = new TaskCompletionSource();
        lock (_lock)
        {
            _unacked.Enqueue((++_sent, ack));
            _outbox.Writer.TryWrite(new Outgoing([.. Encoding.UTF8.GetBytes(stanza), .. AckRequest], null, 0));
        }

        return ack.Task.WaitAsync(cancellationToken);
    }

    /// <summary>The one writer: everything queued goes out in as few writes as it fits in.</summary>
    private async Task WriteLoopAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        var reader = _outbox.Reader;
        while (await reader.WaitToReadAsync())
        {
            while (buffer.WrittenCount < 32 * 1024 && reader.TryRead(out var item))
            {
                if (item.Raw is { } raw)
                {
                    buffer.Write(raw);
                }
                else
                {
                    WriteMessage(buffer, item.Text!, item.Id);
                }
            }

            for (var written = 0; written < buffer.WrittenCount;)
            {
                written += await _socket.SendAsync(buffer.WrittenMemory[written..], SocketFlags.None);
            }

            buffer.ResetWrittenCount();
        }
    }

    private void WriteMessage(ArrayBufferWriter<byte> buffer, string text, uint id)
    {
        buffer.Write(_messageStart);
        Utf8Formatter.TryFormat(id, buffer.GetSpan(10), out var written);
        buffer.Advance(written);
        buffer.Write("'><body>"u8);
        var escaped = text.AsSpan().IndexOfAny("<>&'\"") < 0 ? text : SecurityElement.Escape(text);
        buffer.Advance(Encoding.UTF8.GetBytes(escaped, buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(escaped.Length))));
        buffer.Write("</body></message>"u8);
        if (!_room)
        {
            buffer.Write(AckRequest);
        }
    }

    /// <summary>
    /// Reads until the connection closes: counts the stanzas the server sent and answers its ack requests, completes
    /// sends as the server's acks cover them, and hands on the bodies of others' messages.
    /// </summary>
    private async Task ReadLoopAsync()
    {
        var done = new List<TaskCompletionSource>();
        try
        {
            while (true)
            {
                var memory = await _reader.ReadAsync(_closing.Token);
                var element = memory.Span;
                var name = XmppReader.Name(element);
                if (name.SequenceEqual("message"u8))
                {
                    _handled++;
                    if (XmppReader.Attribute(element, "type"u8).SequenceEqual("error"u8))
                    {
                        throw new IOException($"The server refused a message: {Encoding.UTF8.GetString(element)}");
                    }

                    if (XmppReader.Attribute(element, "from"u8).SequenceEqual(_ownEcho))
                    {
                        Reflected(element);
                    }
                    else if (XmppReader.ChildText(element, "body"u8) is { } body)
                    {
                        _received.Writer.TryWrite(body);
                    }
                }
                else if (name.SequenceEqual("r"u8))
                {
                    var answer = string.Create(CultureInfo.InvariantCulture, $"<a xmlns='urn:xmpp:sm:3' h='{_handled}'/>");
                    _outbox.Writer.TryWrite(new Outgoing(Encoding.UTF8.GetBytes(answer), null, 0));
                }
                else if (name.SequenceEqual("a"u8))
                {
                    if (!XmppReader.TryParseUInt(XmppReader.Attribute(element, "h"u8), out var h))
                    {
                        throw new IOException($"Bad ack: {Encoding.UTF8.GetString(element)}");
                    }

                    lock (_lock)
                    {
                        while (_unacked.TryPeek(out var next) && next.Count <= h)
                        {
                            done.Add(_unacked.Dequeue().Ack);
                        }
                    }

                    foreach (var ack in done)
                    {
                        ack.TrySetResult();
                    }

                    done.Clear();
                }
                else if (name.SequenceEqual("presence"u8))
                {
                    _handled++;
                    if (XmppReader.Attribute(element, "from"u8).SequenceEqual(_ownEcho))
                    {
                        // The room's presence for one's own nickname ends the join (or refuses it).
                        if (XmppReader.Attribute(element, "type"u8).SequenceEqual("error"u8))
                        {
                            _joined.TrySetException(new IOException($"Joining the room failed: {Encoding.UTF8.GetString(element)}"));
                        }
                        else
                        {
                            _joined.TrySetResult();
                        }
                    }
                }
                else if (name.SequenceEqual("iq"u8))
                {
                    _handled++;
                }
                else if (name.SequenceEqual("stream:error"u8) || name.SequenceEqual("/stream:stream"u8))
                {
                    throw new IOException($"The server ended the stream: {Encoding.UTF8.GetString(element)}");
                }
            }
        }
        catch (Exception ex)
        {
            var error = _closing.IsCancellationRequested ? new ObjectDisposedException(nameof(XmppSession)) : ex;
            if (_room)
            {
                _joined.TrySetException(error);
            }

            _received.Writer.TryComplete(_closing.IsCancellationRequested ? null : error);
            _outbox.Writer.TryComplete();
            lock (_lock)
            {
                done.AddRange(_unacked.Select(p => p.Ack).Concat(_unreflected.Select(p => p.Ack)));
                _unacked.Clear();
                _unreflected.Clear();
            }

            foreach (var pending in done)
            {
                pending.TrySetException(error);
            }
        }
    }

    /// <summary>A room passes on one sender's messages in the order it got them, so a reflection acks the oldest send.</summary>
    private void Reflected(ReadOnlySpan<byte> element)
    {
        TaskCompletionSource ack;
        lock (_lock)
        {
            if (!_unreflected.TryPeek(out var oldest) || !XmppReader.TryParseUInt(XmppReader.Attribute(element, "id"u8), out var id) || id != oldest.Id)
            {
                throw new IOException($"A reflection that matches no send: {Encoding.UTF8.GetString(element)}");
            }

            ack = _unreflected.Dequeue().Ack;
        }

        ack.TrySetResult();
    }

    /// <summary>Raw bytes to write, or a message to render in the writer.</summary>
    private readonly record struct Outgoing(byte[]? Raw, string? Text, uint Id);
}
