using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Hutong.Accounts.Sessions;
using Hutong.Chat;
using Hutong.Chat.Conversations;
using Hutong.Chat.Messages;
using Hutong.Contracts;
using Hutong.Contracts.Chat;
using Hutong.Contracts.Gateway;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.Realtime.Delivery;
using Hutong.Realtime.Log;

namespace Hutong.Server.Gateway;

/// <summary>
/// One device's WebSocket. It says hello, is welcomed with what it missed, then sends and receives frames until it
/// leaves. Pushes that arrive while the resume is being read are held and sent after it, minus what it already
/// contained, so a device sees every seq once. Frames out go through a bounded queue: a device that cannot keep up is
/// disconnected rather than slowing anyone else, and resumes when it returns.
/// </summary>
internal sealed class GatewayConnection : IDisposable
{
    /// <summary>Close status for a missing, unknown or revoked token.</summary>
    public const WebSocketCloseStatus Unauthorized = (WebSocketCloseStatus)4401;

    /// <summary>Close status when the node stops (RFC 6455's "service restart"): reconnect, to this node or another.</summary>
    public const WebSocketCloseStatus ServiceRestart = (WebSocketCloseStatus)1012;

    /// <summary>The first buffer a frame is read into; frames are small, and a larger one is gathered up to the limit.</summary>
    private const int ReceiveBufferBytes = 4096;

    private static readonly byte[] Pong = RealtimeFrames.Serialize(new ServerFrame(FrameTypes.Pong));

    private readonly WebSocket _socket;
    private readonly GatewayHub _hub;
    private readonly IServiceProvider _services;
    private readonly GatewayOptions _options;
    private readonly ChatOptions _chat;
    private readonly ILogger _logger;
    private readonly Channel<byte[]> _outbox;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _sendsInFlight;
    private readonly Lock _resumeLock = new();

    private List<Push>? _held = [];
    private bool _registered;
    private (WebSocketCloseStatus Status, string Reason) _close = (WebSocketCloseStatus.NormalClosure, "bye");
    private bool _abort;

    /// <summary>Set once the outbox takes no more frames: a send that finishes later has no one to tell.</summary>
    private volatile bool _closing;

    public GatewayConnection(WebSocket socket, GatewayHub hub, IServiceProvider services, ChatOptions chat, ILogger logger)
    {
        _socket = socket;
        _hub = hub;
        _services = services;
        _options = hub.Options;
        _chat = chat;
        _logger = logger;
        _outbox = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(_options.SendQueueFrames) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _sendsInFlight = new SemaphoreSlim(_options.MaxSendsInFlight, _options.MaxSendsInFlight);
    }

    public Guid UserId { get; private set; }

    public Guid DeviceId { get; private set; }

    public async Task RunAsync(string? queryToken, CancellationToken aborted)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted, _stop.Token);
        var sending = SendLoopAsync(stop.Token);
        try
        {
            if (await WelcomeAsync(queryToken, stop.Token))
            {
                await ReceiveLoopAsync(stop.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            GatewayLog.ConnectionFailed(_logger, ex);
        }
        finally
        {
            if (_registered)
            {
                _hub.Unregister(this);
                GatewayLog.Disconnected(_logger, UserId, DeviceId);
            }

            await CloseAsync(sending);
        }
    }

    /// <summary>A frame for this person, from the hub: held while the resume is read, sent at once after.</summary>
    public void Push(Push push)
    {
        lock (_resumeLock)
        {
            if (_held is not null)
            {
                _held.Add(push);
                return;
            }
        }

        Enqueue(push.Frame);
    }

    /// <summary>The device's session ended: tell it, and close.</summary>
    public void EndSession()
    {
        Fail(null, null, ErrorCodes.Unauthorized, 401, "This device was signed out.");
        _close = (Unauthorized, "session ended");
        _closing = true;
        _outbox.Writer.TryComplete();
    }

    /// <summary>The node is stopping: flush what is queued, then close with 1012 so the device reconnects at once.</summary>
    public void GoAway()
    {
        _close = (ServiceRestart, "node stopping");
        _closing = true;
        _outbox.Writer.TryComplete();
    }

    /// <remarks>
    /// The in-flight semaphore is not disposed: sends still committing when the socket closes release it afterwards,
    /// and it holds no wait handle (nothing calls AvailableWaitHandle), so there is nothing to free.
    /// </remarks>
    public void Dispose() => _stop.Dispose();

    /// <summary>
    /// Takes the hello, authenticates the device, registers it and resumes it; false when the connection is to close.
    /// A method of its own so that the hello and what it names are not held for the life of the connection.
    /// </summary>
    private async Task<bool> WelcomeAsync(string? queryToken, CancellationToken cancellationToken)
    {
        var hello = await ReceiveHelloAsync(cancellationToken);
        if (hello is null)
        {
            return false;
        }

        if (await AuthenticateAsync(hello.Token ?? queryToken, cancellationToken) is not { } session)
        {
            Fail(null, null, ErrorCodes.Unauthorized, 401, "Sign in first: the token is missing, unknown or revoked.");
            _close = (Unauthorized, "unauthorized");
            return false;
        }

        (UserId, DeviceId) = (session.UserId, session.DeviceId);
        await _hub.RegisterAsync(this);
        _registered = true;
        GatewayLog.Connected(_logger, UserId, DeviceId);
        await ResumeAsync(hello, cancellationToken);
        return true;
    }

    private async Task<ClientFrame?> ReceiveHelloAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.HelloTimeout);
        var (kind, hello) = await ReceiveFrameAsync(timeout.Token);
        if (kind == FrameKind.TooLarge)
        {
            RefuseTooLarge();
            return null;
        }

        if (kind == FrameKind.Close)
        {
            return null;
        }

        if (kind != FrameKind.Text || hello?.Type != FrameTypes.Hello)
        {
            Fail(null, null, ErrorCodes.HelloExpected, 400, "The first frame is hello.");
            _close = (WebSocketCloseStatus.PolicyViolation, "hello expected");
            return null;
        }

        return hello;
    }

    private async Task<DeviceSession?> AuthenticateAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        return await _hub.Sessions.AuthenticateAsync(token, cancellationToken);
    }

    /// <summary>Sends the welcome and what the device missed, then lets held pushes through that the resume did not carry.</summary>
    private async Task ResumeAsync(ClientFrame hello, CancellationToken cancellationToken)
    {
        var conversations = _services.GetRequiredService<IConversationStore>();
        var messages = _services.GetRequiredService<IMessageStore>();
        var events = _services.GetRequiredService<IEventLogStore>();

        var known = new Dictionary<Guid, long>();
        foreach (var (id, seq) in hello.Conversations ?? new Dictionary<string, long>())
        {
            if (Ids.TryParse(id, out var conversationId))
            {
                known[conversationId] = seq;
            }
        }

        var positions = await conversations.GetPositionsAsync(UserId, cancellationToken);
        var lastEvent = await events.GetLastSeqAsync(UserId, cancellationToken);
        var newer = positions.Where(p => p.LastSeq > known.GetValueOrDefault(p.ConversationId)).ToList();
        Enqueue(RealtimeFrames.Serialize(new ServerFrame(
            FrameTypes.Welcome, Ids.Format(UserId), Ids.Format(DeviceId), lastEvent,
            newer.Select(p => new ConversationPosition(Ids.Format(p.ConversationId), p.LastSeq)).ToList())));

        var eventsUpTo = hello.Cursor ?? lastEvent;
        if (hello.Cursor is { } cursor && cursor < lastEvent)
        {
            foreach (var missed in await events.ReadAsync(UserId, cursor, _options.ResumeEvents, cancellationToken))
            {
                Enqueue(RealtimeFrames.Event(missed).Frame);
                eventsUpTo = missed.Seq;
            }
        }

        var resumedUpTo = new Dictionary<Guid, long>(known);
        foreach (var position in newer.Where(p => known.ContainsKey(p.ConversationId)))
        {
            var missed = await messages.ReadAsync(
                position.ConversationId, UserId, position.VisibleAfterSeq, known[position.ConversationId], null, _options.ResumeMessagesPerConversation, cancellationToken);
            foreach (var message in missed)
            {
                Enqueue(ChatFrames.Message(message).Frame);
                resumedUpTo[position.ConversationId] = message.Seq;
            }
        }

        Enqueue(RealtimeFrames.Serialize(new ServerFrame(FrameTypes.Synced, Cursor: eventsUpTo)));
        List<Push> held;
        lock (_resumeLock)
        {
            held = _held!;
            _held = null;
        }

        foreach (var push in held)
        {
            var alreadySent = push.Seq <= (push.Stream == Realtime.Delivery.Push.EventLogStream ? eventsUpTo : resumedUpTo.GetValueOrDefault(push.Stream));
            if (!alreadySent)
            {
                Enqueue(push.Frame);
            }
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        while (true)
        {
            idle.CancelAfter(_options.IdleTimeout);
            FrameKind kind;
            ClientFrame? parsed;
            try
            {
                (kind, parsed) = await ReceiveFrameAsync(idle.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                _close = (WebSocketCloseStatus.NormalClosure, "idle");
                return;
            }

            switch (kind)
            {
                case FrameKind.Close:
                    return;
                case FrameKind.TooLarge:
                    RefuseTooLarge();
                    return;
                case FrameKind.Binary:
                    Fail(null, null, ErrorCodes.TextFramesOnly, 400, "Frames are JSON text.");
                    continue;
            }

            switch (parsed?.Type)
            {
                case null:
                    Fail(null, null, ErrorCodes.MalformedFrame, 400, "A frame is one JSON object with a type.");
                    break;
                case FrameTypes.Ping:
                    Enqueue(Pong);
                    break;
                case FrameTypes.Send:
                    // Sends are pipelined: the next frame is read while this one commits, up to the in-flight limit.
                    await _sendsInFlight.WaitAsync(cancellationToken);
                    _ = SendAsync(parsed);
                    break;
                case FrameTypes.Hello:
                    Fail(null, null, ErrorCodes.AlreadyWelcomed, 400, "This connection has said hello already.");
                    break;
                default:
                    Fail(null, null, ErrorCodes.UnknownFrameType, 400, $"There is no '{parsed.Type}' frame.");
                    break;
            }
        }
    }

    private async Task SendAsync(ClientFrame frame)
    {
        try
        {
            if (!Ids.TryParse(frame.ConversationId, out var conversationId))
            {
                Fail(frame.ClientMsgId, frame.ConversationId, ErrorCodes.ConversationNotFound, 404, "No such conversation.");
                return;
            }

            var request = new SendMessageRequest(
                frame.ClientMsgId ?? string.Empty, frame.Kind, frame.Text, frame.ReplyToSeq, frame.Mentions, frame.MentionsAll,
                frame.MediaId, frame.FileName, frame.DurationMs, frame.Location, frame.CardUserId);
            var command = ChatService.ToCommand(UserId, request, _chat);
            var sent = !command.IsSuccess ? command.Error
                : _services.GetRequiredService<SendLimiter>().Refuse(UserId) is { } tooFast ? tooFast
                : await _services.GetRequiredService<IGrainFactory>().GetGrain<IConversationGrain>(conversationId).SendAsync(command.Value);
            if (sent.IsSuccess)
            {
                Enqueue(RealtimeFrames.Serialize(new ServerFrame(FrameTypes.Ack, ClientMsgId: frame.ClientMsgId, ConversationId: frame.ConversationId, Seq: sent.Value.Seq, SentAt: sent.Value.SentAt)));
            }
            else
            {
                Fail(frame.ClientMsgId, frame.ConversationId, sent.Error);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            GatewayLog.ConnectionFailed(_logger, ex);
            Fail(frame.ClientMsgId, frame.ConversationId, ErrorCodes.InternalError, 500, "The message was not sent; send it again.");
        }
        finally
        {
            _sendsInFlight.Release();
        }
    }

    private void Fail(string? clientMsgId, string? conversationId, Error error) =>
        Fail(clientMsgId, conversationId, error.Code, error.Status, error.Title);

    private void Fail(string? clientMsgId, string? conversationId, string code, int status, string title) =>
        Enqueue(RealtimeFrames.Serialize(new ServerFrame(FrameTypes.Error, ClientMsgId: clientMsgId, ConversationId: conversationId, Code: code, Status: status, Title: title)));

    private void Enqueue(byte[] frame)
    {
        if (_closing || _outbox.Writer.TryWrite(frame) || _abort)
        {
            return;
        }

        // Full: a device this far behind resumes later instead of holding memory and slowing the node.
        if (UserId != Guid.Empty)
        {
            GatewayLog.TooSlow(_logger, UserId, DeviceId, _options.SendQueueFrames);
            _abort = true;
            _stop.Cancel();
        }
    }

    private async Task SendLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var frame in _outbox.Reader.ReadAllAsync(cancellationToken))
            {
                await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The connection is going; RunAsync closes it.
        }
        finally
        {
            // Once writes stop going out, the receive side must stop too.
            await _stop.CancelAsync();
        }
    }

    /// <summary>Flushes what is queued (unless the device was too slow) and closes with the recorded status.</summary>
    private async Task CloseAsync(Task sending)
    {
        _closing = true;
        _outbox.Writer.TryComplete();
        if (_abort)
        {
            // Aborting fails the send loop's pending write at once; wait for it so nothing outlives the connection.
            _socket.Abort();
            await sending;
            return;
        }

        await sending;
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _socket.CloseOutputAsync(_close.Status, _close.Reason, timeout.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
            {
                _socket.Abort();
            }
        }
    }

    /// <summary>
    /// Reads one whole frame and parses it if it is text; a frame past the size limit is reported, not read. It waits
    /// for the frame with an empty read, so an idle connection holds no buffer: one is rented only while a frame arrives.
    /// </summary>
    /// <summary>Says why, then closes with 1009: the rest of an oversized frame is never read, so the connection cannot go on.</summary>
    private void RefuseTooLarge()
    {
        Fail(null, null, ErrorCodes.FrameTooLarge, 413, $"A frame has at most {_options.MaxFrameBytes} bytes.");
        _close = (WebSocketCloseStatus.MessageTooBig, "frame too large");
    }

    private async Task<(FrameKind Kind, ClientFrame? Frame)> ReceiveFrameAsync(CancellationToken cancellationToken)
    {
        var result = await _socket.ReceiveAsync(Memory<byte>.Empty, cancellationToken);
        if (result.MessageType == WebSocketMessageType.Close)
        {
            return (FrameKind.Close, null);
        }

        if (result.EndOfMessage)
        {
            // An empty frame: there is nothing more to read.
            return Whole(result, ReadOnlySpan<byte>.Empty);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(ReceiveBufferBytes);
        try
        {
            result = await _socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (FrameKind.Close, null);
            }

            if (result.EndOfMessage)
            {
                return Whole(result, buffer.AsSpan(0, result.Count));
            }

            // Larger than the buffer: gather it, up to the limit.
            var whole = new ArrayBufferWriter<byte>(buffer.Length * 2);
            whole.Write(buffer.AsSpan(0, result.Count));
            while (!result.EndOfMessage)
            {
                result = await _socket.ReceiveAsync(whole.GetMemory(4096), cancellationToken);
                whole.Advance(result.Count);
                if (whole.WrittenCount > _options.MaxFrameBytes)
                {
                    return (FrameKind.TooLarge, null);
                }
            }

            return Whole(result, whole.WrittenSpan);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static (FrameKind Kind, ClientFrame? Frame) Whole(ValueWebSocketReceiveResult last, ReadOnlySpan<byte> frame) =>
        last.MessageType == WebSocketMessageType.Binary ? (FrameKind.Binary, null) : (FrameKind.Text, Parse(frame));

    private static ClientFrame? Parse(ReadOnlySpan<byte> frame)
    {
        try
        {
            return JsonSerializer.Deserialize(frame, GatewayJsonContext.Default.ClientFrame);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private enum FrameKind
    {
        Text,
        Binary,
        Close,
        TooLarge,
    }

}
