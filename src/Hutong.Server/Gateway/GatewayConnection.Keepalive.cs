using System.Net.WebSockets;
using Hutong.Contracts.Gateway;
using Hutong.Realtime.Delivery;

namespace Hutong.Server.Gateway;

/// <summary>
/// Keeping a connection alive, and letting a silent one go: a ping gets a pong, and a connection that sends nothing
/// for the idle timeout, on the node's clock, is closed as any other: what is queued goes out, then a close frame
/// saying "idle". (Kestrel's WebSocket pings every 30 seconds keep the TCP path warm.)
/// </summary>
internal sealed partial class GatewayConnection
{
    private static readonly byte[] PongFrame = RealtimeFrames.Serialize(new PongFrame());

    private ITimer? _idle;

    private void Pong() => Enqueue(PongFrame);

    /// <summary>Starts the idle wait: a connection that sends nothing for <see cref="GatewayOptions.IdleTimeout"/> is closed.</summary>
    private void StartIdleTimer() =>
        _idle = _clock.CreateTimer(static state => ((GatewayConnection)state!).Leave(WebSocketCloseStatus.NormalClosure, "idle"), this, _options.IdleTimeout, Timeout.InfiniteTimeSpan);

    /// <summary>A frame arrived: the idle wait starts again.</summary>
    private void StillHere() => _idle?.Change(_options.IdleTimeout, Timeout.InfiniteTimeSpan);
}
