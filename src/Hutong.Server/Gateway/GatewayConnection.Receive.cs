using Hutong.Contracts;
using Hutong.Contracts.Gateway;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.Realtime.Delivery;

namespace Hutong.Server.Gateway;

/// <summary>What a device sends: frames read and dispatched, and its messages sent, pipelined, with an ack or an error each.</summary>
internal sealed partial class GatewayConnection
{
    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        StartIdleTimer();
        while (true)
        {
            var (kind, parsed) = await ReceiveFrameAsync(cancellationToken);
            StillHere();

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

            switch (parsed)
            {
                case null:
                    Fail(null, null, ErrorCodes.MalformedFrame, 400, "A frame is one JSON object with a type.");
                    break;
                case PingFrame:
                    Pong();
                    break;
                case SendFrame send:
                    // Sends are pipelined: the next frame is read while this one commits, up to the in-flight limit.
                    await _sendsInFlight.WaitAsync(cancellationToken);
                    _ = SendAsync(send);
                    break;
                case HelloFrame:
                    Fail(null, null, ErrorCodes.AlreadyWelcomed, 400, "This connection has said hello already.");
                    break;
                case UnknownFrame unknown:
                    Fail(null, null, ErrorCodes.UnknownFrameType, 400, $"There is no '{unknown.Type}' frame.");
                    break;
            }
        }
    }

    private async Task SendAsync(SendFrame frame)
    {
        var clientMsgId = frame.Message?.ClientMsgId;
        try
        {
            if (!Ids.TryParse(frame.ConversationId, out var conversationId))
            {
                Fail(clientMsgId, frame.ConversationId, ErrorCodes.ConversationNotFound, 404, "No such conversation.");
                return;
            }

            if (frame.Message is not { } request)
            {
                Fail(null, frame.ConversationId, Error.Validation(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["message"] = ["A send carries the message."] }));
                return;
            }

            // The same path as POST /conversations/{id}/messages: one set of checks, one limit, one set of errors.
            var sent = await _backend.Chat.SendAsync(UserId, conversationId, request, CancellationToken.None);
            if (sent.IsSuccess)
            {
                Enqueue(RealtimeFrames.Serialize(new AckFrame(request.ClientMsgId, frame.ConversationId, sent.Value.Seq, sent.Value.SentAt)));
            }
            else
            {
                Fail(clientMsgId, frame.ConversationId, sent.Error);
            }
        }
        catch (Exception ex) when (ClusterFaults.IsTransient(ex))
        {
            // A node left with the conversation's grain: the device resends once the grain is active elsewhere.
            Fail(clientMsgId, frame.ConversationId, ClusterFaults.Unavailable);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            GatewayLog.ConnectionFailed(_logger, ex);
            Fail(clientMsgId, frame.ConversationId, ErrorCodes.InternalError, 500, "The message was not sent; send it again.");
        }
        finally
        {
            _sendsInFlight.Release();
        }
    }

    private void Fail(string? clientMsgId, string? conversationId, Error error) =>
        Fail(clientMsgId, conversationId, error.Code, error.Status, error.Title);

    private void Fail(string? clientMsgId, string? conversationId, string code, int status, string title) =>
        Enqueue(RealtimeFrames.Serialize(new ErrorFrame(code, status, title, clientMsgId, conversationId)));
}
