using System.Net.WebSockets;
using System.Text.Json;
using Hutong.Contracts.Gateway;

namespace Hutong.Chat.Tests;

/// <summary>
/// A client socket that counts the pings it starts to send and the server's pongs: proof that the connection is alive
/// and being read. The node answers every ping with one pong, in order, so pong n answers ping n.
/// </summary>
internal sealed class PongCountingSocket(WebSocket inner) : WebSocket
{
    private readonly MemoryStream _frame = new();
    private int _pings;
    private int _pongs;

    public int Pings => Volatile.Read(ref _pings);

    public int Pongs => Volatile.Read(ref _pongs);

    public override WebSocketCloseStatus? CloseStatus => inner.CloseStatus;

    public override string? CloseStatusDescription => inner.CloseStatusDescription;

    public override WebSocketState State => inner.State;

    public override string? SubProtocol => inner.SubProtocol;

    public override void Abort() => inner.Abort();

    public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
        inner.CloseAsync(closeStatus, statusDescription, cancellationToken);

    public override Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
        inner.CloseOutputAsync(closeStatus, statusDescription, cancellationToken);

    public override void Dispose()
    {
        inner.Dispose();
        _frame.Dispose();
    }

    public override async Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken)
    {
        var result = await inner.ReceiveAsync(buffer, cancellationToken);
        Count(buffer.AsSpan(0, result.Count), result.MessageType, result.EndOfMessage);
        return result;
    }

    public override async ValueTask<ValueWebSocketReceiveResult> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var result = await inner.ReceiveAsync(buffer, cancellationToken);
        Count(buffer.Span[..result.Count], result.MessageType, result.EndOfMessage);
        return result;
    }

    public override Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken)
    {
        CountSent(buffer, messageType);
        return inner.SendAsync(buffer, messageType, endOfMessage, cancellationToken);
    }

    public override ValueTask SendAsync(ReadOnlyMemory<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken)
    {
        CountSent(buffer.Span, messageType);
        return inner.SendAsync(buffer, messageType, endOfMessage, cancellationToken);
    }

    /// <summary>Counted before the send starts: a ping counted after some moment was certainly sent after it.</summary>
    private void CountSent(ReadOnlySpan<byte> sent, WebSocketMessageType type)
    {
        // The client sends each frame in one piece.
        if (type == WebSocketMessageType.Text && JsonSerializer.Deserialize(sent, GatewayJsonContext.Default.ClientFrame) is PingFrame)
        {
            Interlocked.Increment(ref _pings);
        }
    }

    private void Count(ReadOnlySpan<byte> received, WebSocketMessageType type, bool endOfMessage)
    {
        if (type != WebSocketMessageType.Text)
        {
            return;
        }

        _frame.Write(received);
        if (!endOfMessage)
        {
            return;
        }

        var frame = JsonSerializer.Deserialize(_frame.GetBuffer().AsSpan(0, (int)_frame.Length), GatewayJsonContext.Default.ServerFrame);
        _frame.SetLength(0);
        if (frame is PongFrame)
        {
            Interlocked.Increment(ref _pongs);
        }
    }
}
