using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Hutong.Contracts;
using Hutong.Contracts.Chat;
using Hutong.Contracts.Events;
using Hutong.Contracts.Gateway;

namespace Hutong.Client;

/// <summary>
/// A device's live connection to the gateway (docs/protocol.md). It keeps what the device holds (the event cursor and
/// each conversation's last seq), hands the app every message and event exactly once and in order, fills gaps over
/// HTTP, reconnects with backoff and resumes, and resends unacknowledged messages under their first client id, so
/// going offline loses and doubles nothing.
/// </summary>
public sealed class HutongGateway : IAsyncDisposable
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

    private readonly HutongClient _api;
    private readonly Uri _uri;
    private readonly Func<Uri, CancellationToken, Task<WebSocket>> _connect;
    private readonly Channel<ServerFrame> _events = Channel.CreateUnbounded<ServerFrame>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly ConcurrentDictionary<string, long> _positions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PendingSend> _pending = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _disposed = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private WebSocket? _socket;
    private Task? _run;
    private TaskCompletionSource _welcomed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IReadOnlyList<ConversationPosition> _welcomePositions = [];
    private long _welcomeCursor;
    private bool _refused;

    /// <param name="api">Signed in; its token opens the connection and it fills gaps.</param>
    /// <param name="connect">Opens the socket; by default a <see cref="ClientWebSocket"/>.</param>
    public HutongGateway(HutongClient api, Func<Uri, CancellationToken, Task<WebSocket>>? connect = null)
    {
        _api = api;
        var http = api.BaseAddress ?? throw new ArgumentException("The client needs a base address.", nameof(api));
        _uri = new UriBuilder(http) { Scheme = http.Scheme == Uri.UriSchemeHttps ? "wss" : "ws", Path = "/ws" }.Uri;
        _connect = connect ?? ConnectClientWebSocketAsync;
    }

    /// <summary>
    /// How often an open connection sends a ping. The server closes a connection that sends nothing for 90 seconds,
    /// and a device that only listens would otherwise be cut off and reconnect every 90 seconds.
    /// </summary>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The last event-log seq this device holds.</summary>
    public long Cursor { get; private set; }

    public GatewayState State { get; private set; } = GatewayState.Offline;

    /// <summary>Raised on every change of <see cref="State"/>.</summary>
    public event Action<GatewayState>? StateChanged;

    /// <summary>Raised when the server refuses this device's token (signed out, or revoked from another device); the gateway then stops.</summary>
    public event Action? SignedOut;

    /// <summary>Messages and user events, each once and in seq order per conversation and per log.</summary>
    public ChannelReader<ServerFrame> Events => _events.Reader;

    /// <summary>What this device holds of each conversation: the last seq of an unbroken run from the start it knows.</summary>
    public IReadOnlyDictionary<string, long> Positions => _positions;

    /// <summary>Tells the gateway the device holds a conversation up to <paramref name="lastSeq"/> (from history it loaded).</summary>
    public void Track(string conversationId, long lastSeq) => _positions.AddOrUpdate(conversationId, lastSeq, (_, held) => Math.Max(held, lastSeq));

    /// <summary>Starts the connection and returns once the server has welcomed it; it then stays up by itself.</summary>
    public async Task ConnectAsync(long cursor = 0, CancellationToken cancellationToken = default)
    {
        Cursor = cursor;
        _run ??= RunAsync(_disposed.Token);
        await _welcomed.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Sends text; the task ends with the server's ack, however many reconnects that takes.</summary>
    public Task<SendMessageResponse> SendTextAsync(string conversationId, string text, string? clientMsgId = null, CancellationToken cancellationToken = default) =>
        SendAsync(new ClientFrame(FrameTypes.Send, ConversationId: conversationId, ClientMsgId: clientMsgId ?? Guid.NewGuid().ToString("N"), Kind: MessageKinds.Text, Text: text), cancellationToken);

    public async Task<SendMessageResponse> SendAsync(ClientFrame frame, CancellationToken cancellationToken = default)
    {
        var pending = _pending.GetOrAdd(frame.ClientMsgId!, _ => new PendingSend(frame));
        if (State == GatewayState.Online)
        {
            await TrySendFrameAsync(frame);
        }

        return await pending.Acked.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Drops the connection as a network failure would; the gateway reconnects by itself.</summary>
    public void Interrupt() => _socket?.Abort();

    public async ValueTask DisposeAsync()
    {
        await _disposed.CancelAsync();
        _socket?.Abort();
        if (_run is not null)
        {
            await _run;
        }

        _events.Writer.TryComplete();
        foreach (var pending in _pending.Values)
        {
            pending.Acked.TrySetCanceled();
        }

        _socket?.Dispose();
        _disposed.Dispose();
        _sendLock.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var backoff = TimeSpan.FromMilliseconds(100);
        while (!cancellationToken.IsCancellationRequested)
        {
            SetState(GatewayState.Connecting);
            try
            {
                using var socket = await _connect(_uri, cancellationToken);
                _socket = socket;
                await SendFrameAsync(socket, new ClientFrame(FrameTypes.Hello, _api.Token, Cursor, new Dictionary<string, long>(_positions)), cancellationToken);
                using var connected = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var keepAlive = KeepAliveAsync(socket, connected.Token);
                try
                {
                    if (await ReceiveLoopAsync(socket, cancellationToken) == (WebSocketCloseStatus)4401)
                    {
                        _refused = true;
                    }
                }
                finally
                {
                    await connected.CancelAsync();
                    await keepAlive;
                }

                backoff = TimeSpan.FromMilliseconds(100);
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or HttpRequestException or JsonException or OperationCanceledException or ObjectDisposedException)
            {
                // The network or the server went away (or this gateway is being disposed): the loop decides.
            }

            if (_refused)
            {
                // Signed out: reconnecting would only be refused again. Browsers do not always pass the close status
                // on, so the unauthorized error frame before it counts as much as the 4401 itself.
                SetState(GatewayState.Offline);
                _socket = null;
                _welcomed.TrySetException(new HutongApiException(401, null));
                SignedOut?.Invoke();
                return;
            }

            SetState(GatewayState.Offline);
            _socket = null;
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await Task.Delay(backoff + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 100)), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }
    }

    private async Task<WebSocketCloseStatus?> ReceiveLoopAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var frame = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return socket.CloseStatus;
            }

            frame.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage)
            {
                continue;
            }

            var parsed = JsonSerializer.Deserialize(frame.GetBuffer().AsSpan(0, (int)frame.Length), GatewayJsonContext.Default.ServerFrame);
            frame.SetLength(0);
            if (parsed is not null)
            {
                await HandleAsync(parsed, cancellationToken);
            }
        }
    }

    private async Task HandleAsync(ServerFrame frame, CancellationToken cancellationToken)
    {
        switch (frame.Type)
        {
            case FrameTypes.Welcome:
                _welcomePositions = frame.Conversations ?? [];
                _welcomeCursor = frame.Cursor ?? 0;
                break;
            case FrameTypes.Synced:
                await CatchUpAsync(cancellationToken);
                SetState(GatewayState.Online);
                _welcomed.TrySetResult();
                foreach (var pending in _pending.Values)
                {
                    await TrySendFrameAsync(pending.Frame);
                }

                break;
            case FrameTypes.Ack when frame.ClientMsgId is not null && _pending.TryRemove(frame.ClientMsgId, out var acked):
                acked.Acked.TrySetResult(new SendMessageResponse(frame.Seq!.Value, frame.SentAt!.Value));
                break;
            case FrameTypes.Error when frame is { ClientMsgId: null, Code: ErrorCodes.Unauthorized }:
                _refused = true;
                break;
            case FrameTypes.Error when frame.ClientMsgId is not null && _pending.TryRemove(frame.ClientMsgId, out var failed):
                failed.Acked.TrySetException(new HutongApiException(frame.Status ?? 400, new ProblemBody(null, frame.Title, frame.Status, null, frame.Code, null)));
                break;
            case FrameTypes.Event when frame is { Kind: EventKinds.Message, ConversationId: { } id, Message: { } message }:
                await OnMessageAsync(id, message, frame, cancellationToken);
                break;
            case FrameTypes.Event when frame is { Kind: EventKinds.UserEvent, UserEvent: { } userEvent }:
                await OnUserEventAsync(userEvent, frame, cancellationToken);
                break;
        }
    }

    /// <summary>After a resume: what the server did not replay (past its limits) comes over HTTP.</summary>
    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        foreach (var position in _welcomePositions)
        {
            if (_positions.TryGetValue(position.ConversationId, out var held) && held < position.LastSeq)
            {
                await FillAsync(position.ConversationId, cancellationToken);
            }
        }

        if (Cursor < _welcomeCursor)
        {
            await FillEventsAsync(cancellationToken);
        }
    }

    private async Task OnMessageAsync(string conversationId, MessageInfo message, ServerFrame frame, CancellationToken cancellationToken)
    {
        if (!_positions.TryGetValue(conversationId, out var held))
        {
            // A conversation this device has not loaded: it starts here; older history is the app's to page in.
            _positions[conversationId] = message.Seq;
            await _events.Writer.WriteAsync(frame, cancellationToken);
            return;
        }

        if (message.Seq <= held)
        {
            return;
        }

        if (message.Seq > held + 1)
        {
            await FillAsync(conversationId, cancellationToken);
            return;
        }

        _positions[conversationId] = message.Seq;
        await _events.Writer.WriteAsync(frame, cancellationToken);
    }

    private async Task OnUserEventAsync(UserEvent userEvent, ServerFrame frame, CancellationToken cancellationToken)
    {
        if (userEvent.Seq <= Cursor)
        {
            return;
        }

        if (userEvent.Seq > Cursor + 1)
        {
            await FillEventsAsync(cancellationToken);
            return;
        }

        Cursor = userEvent.Seq;
        await _events.Writer.WriteAsync(frame, cancellationToken);
    }

    /// <summary>Fetches every message after what the device holds and hands them on in order.</summary>
    private async Task FillAsync(string conversationId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var held = _positions.GetValueOrDefault(conversationId);
            var page = await _api.GetMessagesAsync(conversationId, afterSeq: held, limit: 200, cancellationToken: cancellationToken);
            foreach (var message in page.Messages)
            {
                _positions[conversationId] = message.Seq;
                await _events.Writer.WriteAsync(new ServerFrame(FrameTypes.Event, ConversationId: conversationId, Kind: EventKinds.Message, Message: message), cancellationToken);
            }

            if (page.Messages.Count < 200)
            {
                return;
            }
        }
    }

    private async Task FillEventsAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var page = await _api.GetEventsAsync(Cursor, 200, cancellationToken);
            foreach (var userEvent in page.Events)
            {
                Cursor = userEvent.Seq;
                await _events.Writer.WriteAsync(new ServerFrame(FrameTypes.Event, Kind: EventKinds.UserEvent, UserEvent: userEvent), cancellationToken);
            }

            if (page.Events.Count < 200)
            {
                return;
            }
        }
    }

    private async Task KeepAliveAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(PingInterval, cancellationToken);
                await SendFrameAsync(socket, new ClientFrame(FrameTypes.Ping), cancellationToken);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The connection ended: the receive loop has seen it too.
        }
    }

    private async Task TrySendFrameAsync(ClientFrame frame)
    {
        if (_socket is { State: WebSocketState.Open } socket)
        {
            try
            {
                await SendFrameAsync(socket, frame, _disposed.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException)
            {
                // Still pending: it goes again after the reconnect.
            }
        }
    }

    private async Task SendFrameAsync(WebSocket socket, ClientFrame frame, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(frame, GatewayJsonContext.Default.ClientFrame);
        // A WebSocket takes one send at a time.
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private void SetState(GatewayState state)
    {
        if (State != state)
        {
            State = state;
            StateChanged?.Invoke(state);
        }
    }

    private static async Task<WebSocket> ConnectClientWebSocketAsync(Uri uri, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(uri, cancellationToken);
        return socket;
    }

    private sealed class PendingSend(ClientFrame frame)
    {
        public ClientFrame Frame { get; } = frame;

        public TaskCompletionSource<SendMessageResponse> Acked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
