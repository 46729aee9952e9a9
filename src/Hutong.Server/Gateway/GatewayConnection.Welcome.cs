using System.Net.WebSockets;
using Hutong.Accounts.Sessions;
using Hutong.Chat.Messages;
using Hutong.Contracts;
using Hutong.Contracts.Gateway;
using Hutong.Core;
using Hutong.Realtime.Delivery;

namespace Hutong.Server.Gateway;

/// <summary>Handshake and resume: the hello, who the device is, and what it missed.</summary>
internal sealed partial class GatewayConnection
{
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
        _metrics.Connected();
        GatewayLog.Connected(_logger, UserId, DeviceId);
        await ResumeAsync(hello, cancellationToken);
        return true;
    }

    private async Task<HelloFrame?> ReceiveHelloAsync(CancellationToken cancellationToken)
    {
        // A device that never says hello is cut off, not closed: it has not shown it speaks the protocol.
        using var timer = new CancellationTokenSource(_options.HelloTimeout, _clock);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
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

        if (kind != FrameKind.Text || hello is not HelloFrame welcome)
        {
            Fail(null, null, ErrorCodes.HelloExpected, 400, "The first frame is hello.");
            _close = (WebSocketCloseStatus.PolicyViolation, "hello expected");
            return null;
        }

        if (welcome.Version != GatewayProtocol.Version)
        {
            // An older client would misread what follows: it is told so, plainly, and let go.
            Fail(null, null, ErrorCodes.UnsupportedProtocol, 426, $"This node speaks version {GatewayProtocol.Version} of the gateway protocol; update the app.");
            _close = (WebSocketCloseStatus.ProtocolError, "unsupported protocol");
            return null;
        }

        return welcome;
    }

    private async Task<DeviceSession?> AuthenticateAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        return await _backend.Sessions.AuthenticateAsync(token, cancellationToken);
    }

    /// <summary>Sends the welcome and what the device missed, then lets held pushes through that the resume did not carry.</summary>
    private async Task ResumeAsync(HelloFrame hello, CancellationToken cancellationToken)
    {
        var (conversations, messages, events) = (_backend.Conversations, _backend.Messages, _backend.Events);

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
        Enqueue(RealtimeFrames.Serialize(new WelcomeFrame(
            Ids.Format(UserId), Ids.Format(DeviceId), lastEvent,
            newer.Select(p => new ConversationPosition(Ids.Format(p.ConversationId), p.LastSeq)).ToList())));

        var eventsUpTo = hello.Cursor ?? lastEvent;
        if (hello.Cursor is { } cursor && cursor < lastEvent)
        {
            foreach (var missed in await events.ReadAsync(UserId, cursor, _options.ResumeEvents, cancellationToken))
            {
                Enqueue(RealtimeFrames.Event(missed).Frame, SentKind.Event);
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
                Enqueue(ChatFrames.Message(message).Frame, SentKind.Message);
                resumedUpTo[position.ConversationId] = message.Seq;
            }
        }

        Enqueue(RealtimeFrames.Serialize(new SyncedFrame(eventsUpTo)));
        List<Push> held;
        lock (_resumeLock)
        {
            held = _held!;
            _held = null;
        }

        foreach (var push in held)
        {
            var alreadySent = push.Stream != Realtime.Delivery.Push.LiveStream
                && push.Seq <= (push.Stream == Realtime.Delivery.Push.EventLogStream ? eventsUpTo : resumedUpTo.GetValueOrDefault(push.Stream));
            if (!alreadySent)
            {
                Enqueue(push.Frame, KindOf(push));
            }
        }
    }
}
