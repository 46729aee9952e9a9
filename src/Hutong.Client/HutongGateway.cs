using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Hutong.Contracts;
using Hutong.Contracts.Chat;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.Events;
using Hutong.Contracts.Gateway;

namespace Hutong.Client;

/// <summary>
/// A device's live connection to the gateway (docs/protocol.md). It keeps what the device holds (the event cursor and
/// each conversation's last seq), hands the app every message and event exactly once and in order, fills gaps over
/// HTTP, reconnects with backoff and resumes, and keeps the device's one outbox: unacknowledged sends, resent after
/// every (re)connect in the order they were first sent, under their first client id, and kept through an
/// <see cref="IOutboxStore"/> across runs of the app, so going offline or reloading loses and doubles nothing.
/// </summary>
public sealed class HutongGateway : IAsyncDisposable
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

    private readonly HutongClient _api;
    private readonly Uri _uri;
    private readonly Func<Uri, CancellationToken, Task<WebSocket>> _connect;
    private readonly List<Subscription> _subscriptions = [];
    private readonly ConcurrentDictionary<string, long> _positions = new(StringComparer.Ordinal);
    private readonly IOutboxStore? _store;
    private readonly Lock _outboxLock = new();
    private readonly OrderedDictionary<string, PendingSend> _outbox = new(StringComparer.Ordinal);
    private readonly Queue<PendingSend> _unsent = new();
    private readonly Lazy<Task> _restored;
    private readonly CancellationTokenSource _disposed = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly SemaphoreSlim _flushLock = new(1, 1);
    private readonly SemaphoreSlim _saveLock = new(1, 1);
    private WebSocket? _socket;
    private Task? _run;
    private TaskCompletionSource _welcomed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IReadOnlyList<ConversationPosition> _welcomePositions = [];
    private long _welcomeCursor;
    private ErrorFrame? _refusal;

    /// <param name="api">Signed in; its token opens the connection and it fills gaps.</param>
    /// <param name="connect">Opens the socket; by default a <see cref="ClientWebSocket"/>.</param>
    /// <param name="outbox">Keeps unacknowledged sends across runs of the app; without one they live as long as this gateway.</param>
    public HutongGateway(HutongClient api, Func<Uri, CancellationToken, Task<WebSocket>>? connect = null, IOutboxStore? outbox = null)
    {
        _api = api;
        var http = api.BaseAddress ?? throw new ArgumentException("The client needs a base address.", nameof(api));
        _uri = new UriBuilder(http) { Scheme = http.Scheme == Uri.UriSchemeHttps ? "wss" : "ws", Path = "/ws" }.Uri;
        _connect = connect ?? ConnectClientWebSocketAsync;
        _store = outbox;
        _restored = new(LoadOutboxAsync);
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

    /// <summary>
    /// What this device is told of a kind: <see cref="MessageFrame"/> for messages, a <see cref="UserEvent"/> record
    /// (or <c>UserEvent</c> itself for all of them) for the event log, <c>object</c> for everything. Each comes once, in
    /// seq order per conversation and per log; several subscribers of one kind each get all of it. Every subscriber has
    /// its own queue of <paramref name="capacity"/>: one that falls that far behind holds up reading from the server (which then lets this device go, to resume later)
    /// rather than lose anything. Subscribe before connecting, or miss what comes first.
    /// </summary>
    public ChannelReader<T> Subscribe<T>(int capacity = 1_024)
        where T : class
    {
        var subscription = new Subscription<T>(capacity);
        lock (_subscriptions)
        {
            _subscriptions.Add(subscription);
        }

        return subscription.Reader;
    }

    /// <summary>What this device holds of each conversation: the last seq of an unbroken run from the start it knows.</summary>
    public IReadOnlyDictionary<string, long> Positions => _positions;

    /// <summary>Tells the gateway the device holds a conversation up to <paramref name="lastSeq"/> (from history it loaded).</summary>
    public void Track(string conversationId, long lastSeq) => _positions.AddOrUpdate(conversationId, lastSeq, (_, held) => Math.Max(held, lastSeq));

    /// <summary>Sends waiting for their ack, oldest first: those restored from the outbox store, then those sent since.</summary>
    public IReadOnlyList<SendFrame> Outbox
    {
        get
        {
            lock (_outboxLock)
            {
                return [.. _outbox.Values.Select(p => p.Frame)];
            }
        }
    }

    /// <summary>
    /// Takes in the sends the outbox store kept from the last run, once. Connecting and sending restore first by
    /// themselves; an owner restores explicitly to see <see cref="Outbox"/> before connecting, and to learn each restored
    /// send's outcome by calling <see cref="SendAsync"/> with it again (which does not send it twice).
    /// </summary>
    public Task RestoreAsync(CancellationToken cancellationToken = default) => _restored.Value.WaitAsync(cancellationToken);

    /// <summary>Starts the connection and returns once the server has welcomed it; it then stays up by itself.</summary>
    public async Task ConnectAsync(long cursor = 0, CancellationToken cancellationToken = default)
    {
        await RestoreAsync(cancellationToken);
        Cursor = cursor;
        _run ??= RunAsync(_disposed.Token);
        await _welcomed.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Sends text; the task ends with the server's ack, however many reconnects that takes.</summary>
    public Task<SendMessageResponse> SendTextAsync(string conversationId, string text, string? clientMsgId = null, CancellationToken cancellationToken = default) =>
        SendAsync(conversationId, new SendMessageRequest(clientMsgId ?? ClientMsgIds.New(), new TextContent(text)), cancellationToken);

    /// <summary>
    /// Sends a message: it joins the outbox, goes out now if connected or else on connect, and the task ends with the
    /// server's ack (or fails with its refusal), however many reconnects that takes. A client id already in the outbox
    /// (restored, or on its way) is not sent again: the call shares that send's outcome.
    /// </summary>
    public async Task<SendMessageResponse> SendAsync(string conversationId, SendMessageRequest message, CancellationToken cancellationToken = default)
    {
        // Before anything is saved, or the save would overwrite what the last run left.
        await RestoreAsync(cancellationToken);
        PendingSend? pending;
        var added = false;
        lock (_outboxLock)
        {
            if (!_outbox.TryGetValue(message.ClientMsgId, out pending))
            {
                pending = new PendingSend(new SendFrame(conversationId, message));
                _outbox.Add(message.ClientMsgId, pending);
                _unsent.Enqueue(pending);
                added = true;
            }
        }

        if (added)
        {
            await SaveOutboxAsync();
            await FlushAsync();
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

        foreach (var subscription in _subscriptions)
        {
            subscription.Complete();
        }

        // Cancelled, not removed: the outbox store keeps them for the next run.
        lock (_outboxLock)
        {
            foreach (var pending in _outbox.Values)
            {
                pending.Acked.TrySetCanceled();
            }
        }

        _socket?.Dispose();
        _disposed.Dispose();
        _sendLock.Dispose();
        _flushLock.Dispose();
        _saveLock.Dispose();
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
                await SendFrameAsync(socket, new HelloFrame(GatewayProtocol.Version, _api.Token, Cursor, new Dictionary<string, long>(_positions)), cancellationToken);
                using var connected = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var keepAlive = KeepAliveAsync(socket, connected.Token);
                try
                {
                    if (await ReceiveLoopAsync(socket, cancellationToken) == (WebSocketCloseStatus)4401)
                    {
                        _refusal ??= new ErrorFrame(ErrorCodes.Unauthorized, 401, "Signed out.");
                    }
                }
                finally
                {
                    await connected.CancelAsync();
                    await keepAlive;
                }

                backoff = TimeSpan.FromMilliseconds(100);
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or HttpRequestException or HutongApiException or JsonException or OperationCanceledException or ObjectDisposedException)
            {
                // The network or the server went away (or this gateway is being disposed): the loop decides. A gap
                // filled over HTTP can fail too (a balancer's 502 while the node behind it goes away): the next
                // connection resumes from what the device holds.
            }

            if (_refusal is { } refusal)
            {
                // Signed out, or speaking a protocol the server no longer does: reconnecting would only be refused
                // again. Browsers do not always pass the close status on, so the error frame before it counts as much.
                SetState(GatewayState.Offline);
                _socket = null;
                _welcomed.TrySetException(new HutongApiException(refusal.Status, new ProblemBody(null, refusal.Title, refusal.Status, null, refusal.Code, null)));
                if (refusal.Code == ErrorCodes.Unauthorized)
                {
                    SignedOut?.Invoke();
                }

                foreach (var subscription in _subscriptions)
                {
                    subscription.Complete();
                }

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

            var parsed = Parse(frame.GetBuffer().AsSpan(0, (int)frame.Length));
            frame.SetLength(0);
            if (parsed is not null)
            {
                await HandleAsync(parsed, cancellationToken);
            }
        }
    }

    /// <summary>A frame, or null for one this client cannot read (a newer server's): it is skipped, not fatal.</summary>
    private static ServerFrame? Parse(ReadOnlySpan<byte> frame)
    {
        try
        {
            return JsonSerializer.Deserialize(frame, GatewayJsonContext.Default.ServerFrame);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task HandleAsync(ServerFrame frame, CancellationToken cancellationToken)
    {
        switch (frame)
        {
            case WelcomeFrame welcome:
                _welcomePositions = welcome.Conversations;
                _welcomeCursor = welcome.Cursor;
                break;
            case SyncedFrame:
                await CatchUpAsync(cancellationToken);
                lock (_outboxLock)
                {
                    // A new connection: everything unacknowledged goes again, in the order it was first sent.
                    _unsent.Clear();
                    foreach (var pending in _outbox.Values)
                    {
                        _unsent.Enqueue(pending);
                    }
                }

                SetState(GatewayState.Online);
                _welcomed.TrySetResult();
                // Not awaited: the acks to a long outbox are read while it goes, so the server's send queue drains.
                _ = FlushAsync();
                break;
            case AckFrame ack when TakeFromOutbox(ack.ClientMsgId, out var acked):
                await SaveOutboxAsync();
                acked.Acked.TrySetResult(new SendMessageResponse(ack.Seq, ack.SentAt));
                break;
            case ErrorFrame { ClientMsgId: null, Code: ErrorCodes.Unauthorized or ErrorCodes.UnsupportedProtocol } refusal:
                _refusal = refusal;
                break;
            case ErrorFrame { ClientMsgId: { } id, Code: ErrorCodes.StorageUnavailable or ErrorCodes.ClusterUnavailable } when Pending(id) is { } again:
                // Safe to send again under the same id, and it will go through once the node's storage or the
                // cluster has recovered: the send stays in the outbox and goes again shortly.
                _ = ResendLaterAsync(again);
                break;
            case ErrorFrame { ClientMsgId: { } id } error when TakeFromOutbox(id, out var failed):
                await SaveOutboxAsync();
                failed.Acked.TrySetException(new HutongApiException(error.Status, new ProblemBody(null, error.Title, error.Status, null, error.Code, null)));
                break;
            case MessageFrame message:
                await OnMessageAsync(message, cancellationToken);
                break;
            case EventFrame { Event: var userEvent }:
                await OnUserEventAsync(userEvent, cancellationToken);
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

    private async Task OnMessageAsync(MessageFrame frame, CancellationToken cancellationToken)
    {
        var (conversationId, message) = (frame.ConversationId, frame.Message);
        if (!_positions.TryGetValue(conversationId, out var held))
        {
            // A conversation this device has not loaded: it starts here; older history is the app's to page in.
            _positions[conversationId] = message.Seq;
            await DeliverAsync(frame, cancellationToken);
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
        await DeliverAsync(frame, cancellationToken);
    }

    private async Task OnUserEventAsync(UserEvent userEvent, CancellationToken cancellationToken)
    {
        if (userEvent.Seq == 0)
        {
            // A live notice, outside the log: handed on as it comes, never filled in later.
            await DeliverAsync(userEvent, cancellationToken);
            return;
        }

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
        await DeliverAsync(userEvent, cancellationToken);
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
                await DeliverAsync(new MessageFrame(conversationId, message), cancellationToken);
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
                await DeliverAsync(userEvent, cancellationToken);
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
                await SendFrameAsync(socket, new PingFrame(), cancellationToken);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The connection ended: the receive loop has seen it too.
        }
    }

    private PendingSend? Pending(string clientMsgId)
    {
        lock (_outboxLock)
        {
            return _outbox.GetValueOrDefault(clientMsgId);
        }
    }

    /// <summary>Queues a send again after a wait that grows with each refusal (up to a few seconds), then flushes.</summary>
    private async Task ResendLaterAsync(PendingSend pending)
    {
        var wait = TimeSpan.FromMilliseconds(Math.Min(100 * (1 << Math.Min(pending.Refusals++, 5)), 3_000) + Random.Shared.Next(0, 100));
        try
        {
            await Task.Delay(wait, _disposed.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        lock (_outboxLock)
        {
            _unsent.Enqueue(pending);
        }

        await FlushAsync();
    }

    private bool TakeFromOutbox(string clientMsgId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PendingSend? pending)
    {
        lock (_outboxLock)
        {
            return _outbox.Remove(clientMsgId, out pending);
        }
    }

    /// <summary>
    /// Sends, oldest first, each send not yet sent on this connection. One flush runs at a time, so a send made while
    /// the outbox is being resent after a reconnect goes after it.
    /// </summary>
    private async Task FlushAsync()
    {
        try
        {
            await _flushLock.WaitAsync(_disposed.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            // Offline, what is left waits for the next connection, which queues the whole outbox again.
            while (State == GatewayState.Online)
            {
                PendingSend? next;
                lock (_outboxLock)
                {
                    if (!_unsent.TryDequeue(out next))
                    {
                        return;
                    }

                    if (!_outbox.TryGetValue(next.Frame.Message.ClientMsgId, out var current) || !ReferenceEquals(current, next))
                    {
                        // Answered already.
                        continue;
                    }
                }

                await TrySendFrameAsync(next.Frame);
            }
        }
        finally
        {
            _flushLock.Release();
        }
    }

    /// <summary>Hands the whole outbox to the store; one save at a time, each of the outbox as it is when it starts.</summary>
    private async Task SaveOutboxAsync()
    {
        if (_store is null)
        {
            return;
        }

        try
        {
            await _saveLock.WaitAsync(_disposed.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            await _store.SaveAsync(Outbox, _disposed.Token);
        }
        catch (Exception)
        {
            // A store that cannot write (or a save cut short by disposal) loses at most what a reload would have
            // restored: the sends in memory still go.
        }
        finally
        {
            _saveLock.Release();
        }
    }

    private async Task LoadOutboxAsync()
    {
        if (_store is null)
        {
            return;
        }

        IReadOnlyList<SendFrame> saved;
        try
        {
            saved = await _store.LoadAsync(_disposed.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A store that cannot be read restores nothing; sending goes on.
            return;
        }

        // Before any connection (connecting restores first), whose welcome queues the whole outbox to go.
        lock (_outboxLock)
        {
            foreach (var frame in saved)
            {
                _outbox.TryAdd(frame.Message.ClientMsgId, new PendingSend(frame));
            }
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

    /// <summary>Hands an item to every subscriber of its kind, waiting for room in each one's queue.</summary>
    private async Task DeliverAsync(object item, CancellationToken cancellationToken)
    {
        Subscription[] subscribers;
        lock (_subscriptions)
        {
            subscribers = [.. _subscriptions];
        }

        foreach (var subscription in subscribers)
        {
            await subscription.OfferAsync(item, cancellationToken);
        }
    }

    private abstract class Subscription
    {
        public abstract ValueTask OfferAsync(object item, CancellationToken cancellationToken);

        public abstract void Complete();
    }

    private sealed class Subscription<T>(int capacity) : Subscription
        where T : class
    {
        private readonly Channel<T> _queue = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity) { SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });

        public ChannelReader<T> Reader => _queue.Reader;

        public override ValueTask OfferAsync(object item, CancellationToken cancellationToken) =>
            item is T wanted ? _queue.Writer.WriteAsync(wanted, cancellationToken) : ValueTask.CompletedTask;

        public override void Complete() => _queue.Writer.TryComplete();
    }

    private sealed class PendingSend(SendFrame frame)
    {
        public SendFrame Frame { get; } = frame;

        public TaskCompletionSource<SendMessageResponse> Acked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Times the server said to try again (storage or the cluster busy); each waits longer.</summary>
        public int Refusals { get; set; }
    }
}
