using System.Net.WebSockets;
using System.Threading.Channels;
using Hutong.Realtime.Delivery;

namespace Hutong.Server.Gateway;

/// <summary>
/// One device's WebSocket. It says hello, is welcomed with what it missed, then sends and receives frames until it
/// leaves. Pushes that arrive while the resume is being read are held and sent after it, minus what it already
/// contained, so a device sees every seq once. Frames out go through a bounded queue: a device that cannot keep up is
/// disconnected rather than slowing anyone else, and resumes when it returns.
/// </summary>
internal sealed partial class GatewayConnection : IDisposable
{
    /// <summary>Close status for a missing, unknown or revoked token.</summary>
    public const WebSocketCloseStatus Unauthorized = (WebSocketCloseStatus)4401;

    /// <summary>Close status when the node stops (RFC 6455's "service restart"): reconnect, to this node or another.</summary>
    public const WebSocketCloseStatus ServiceRestart = (WebSocketCloseStatus)1012;

    /// <summary>How long a device has to answer the close frame with its own before it is cut off.</summary>
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(5);

    /// <summary>The first buffer a frame is read into; frames are small, and a larger one is gathered up to the limit.</summary>
    private const int ReceiveBufferBytes = 4096;

    private readonly WebSocket _socket;
    private readonly GatewayHub _hub;
    private readonly GatewayBackend _backend;
    private readonly GatewayOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;
    private readonly GatewayMetrics _metrics;
    private readonly Channel<Outgoing> _outbox;
    private readonly CancellationTokenSource _stop;
    private readonly SemaphoreSlim _sendsInFlight;
    private readonly Lock _resumeLock = new();

    private List<Push>? _held = [];
    private bool _registered;
    private (WebSocketCloseStatus Status, string Reason) _close = (WebSocketCloseStatus.NormalClosure, "bye");
    private bool _abort;

    /// <summary>Set once the outbox takes no more frames: a send that finishes later has no one to tell.</summary>
    private volatile bool _closing;

    public GatewayConnection(WebSocket socket, GatewayHub hub, GatewayBackend backend, TimeProvider clock, ILogger logger)
    {
        _socket = socket;
        _hub = hub;
        _backend = backend;
        _options = hub.Options;
        _logger = logger;
        _clock = clock;
        _stop = new CancellationTokenSource(Timeout.InfiniteTimeSpan, clock);
        _metrics = hub.Metrics;
        _outbox = Channel.CreateBounded<Outgoing>(new BoundedChannelOptions(_options.SendQueueFrames) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
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
                _metrics.Disconnected();
                GatewayLog.Disconnected(_logger, UserId, DeviceId);
            }

            await CloseAsync(sending);
        }
    }

    /// <remarks>
    /// The in-flight semaphore is not disposed: sends still committing when the socket closes release it afterwards,
    /// and it holds no wait handle (nothing calls AvailableWaitHandle), so there is nothing to free.
    /// </remarks>
    public void Dispose()
    {
        _idle?.Dispose();
        _stop.Dispose();
    }

    /// <summary>
    /// Flushes what is queued and closes with the recorded status (the send loop writes the close frame after the
    /// last frame); a device that was too slow is cut off instead.
    /// </summary>
    private async Task CloseAsync(Task sending)
    {
        _closing = true;
        _outbox.Writer.TryComplete();
        if (_abort)
        {
            // Aborting fails the send loop's pending write at once; wait for it so nothing outlives the connection.
            _socket.Abort();
        }

        await sending;
        if (_socket.State is not (WebSocketState.Closed or WebSocketState.Aborted))
        {
            // The close frame could not go out, or the device did not answer it: nothing more is owed.
            _socket.Abort();
        }
    }

    /// <summary>A frame in the outbox, with what it delivers (counted once it is written).</summary>
    private readonly record struct Outgoing(byte[] Frame, SentKind Kind);
}
