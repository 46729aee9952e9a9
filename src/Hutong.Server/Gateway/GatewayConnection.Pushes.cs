using System.Net.WebSockets;
using Hutong.Contracts;
using Hutong.Realtime.Delivery;

namespace Hutong.Server.Gateway;

/// <summary>What goes out: pushes from the hub, held during a resume, and one bounded queue to the socket.</summary>
internal sealed partial class GatewayConnection
{
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

        Enqueue(push.Frame, KindOf(push));
    }

    /// <summary>A push in a conversation's stream is a chat message; the event log's and live notices are events.</summary>
    private static SentKind KindOf(Push push) =>
        push.Stream == Realtime.Delivery.Push.EventLogStream || push.Stream == Realtime.Delivery.Push.LiveStream ? SentKind.Event : SentKind.Message;

    /// <summary>The device's session ended: tell it, and close.</summary>
    public void EndSession()
    {
        Fail(null, null, ErrorCodes.Unauthorized, 401, "This device was signed out.");
        Leave(Unauthorized, "session ended");
    }

    /// <summary>The node is stopping: flush what is queued, then close with 1012 so the device reconnects at once.</summary>
    public void GoAway() => Leave(ServiceRestart, "node stopping");

    /// <summary>This node may have missed the person's pushes (another node died): close with 1012 so the device resumes.</summary>
    public void Resume() => Leave(ServiceRestart, "resume");

    /// <summary>Takes no more frames; what is queued still goes out, then a close frame with this status.</summary>
    private void Leave(WebSocketCloseStatus status, string reason)
    {
        _close = (status, reason);
        _closing = true;
        _outbox.Writer.TryComplete();
    }

    private void Enqueue(byte[] frame, SentKind kind = SentKind.Reply)
    {
        if (_closing || _outbox.Writer.TryWrite(new Outgoing(frame, kind)) || _abort)
        {
            return;
        }

        // Full: a device this far behind resumes later instead of holding memory and slowing the node.
        if (UserId != Guid.Empty)
        {
            GatewayLog.TooSlow(_logger, UserId, DeviceId, _options.SendQueueFrames);
            _metrics.Overflowed();
            _abort = true;
            _stop.Cancel();
        }
    }

    /// <summary>
    /// The one writer to the socket: frames in order, then the close frame. The device answers a close with its own,
    /// which ends the receive loop; one that does not is let go after <see cref="CloseGrace"/>.
    /// </summary>
    private async Task SendLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var (frame, kind) in _outbox.Reader.ReadAllAsync(cancellationToken))
            {
                await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
                _metrics.Delivered(kind);
            }

            if (!_abort && _socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync(_close.Status, _close.Reason, cancellationToken);
                _stop.CancelAfter(CloseGrace);
                return;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The connection is going; RunAsync ends it.
        }

        // Once writes stop going out, the receive side must stop too.
        await _stop.CancelAsync();
    }
}
