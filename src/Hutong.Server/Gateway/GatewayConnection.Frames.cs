using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using Hutong.Contracts;
using Hutong.Contracts.Gateway;

namespace Hutong.Server.Gateway;

/// <summary>Reading whole frames off the socket, within the size limit, and parsing them.</summary>
internal sealed partial class GatewayConnection
{
    /// <summary>Says why, then closes with 1009: the rest of an oversized frame is never read, so the connection cannot go on.</summary>
    private void RefuseTooLarge()
    {
        Fail(null, null, ErrorCodes.FrameTooLarge, 413, $"A frame has at most {_options.MaxFrameBytes} bytes.");
        _close = (WebSocketCloseStatus.MessageTooBig, "frame too large");
    }

    /// <summary>
    /// Reads one whole frame and parses it if it is text; a frame past the size limit is reported, not read. It waits
    /// for the frame with an empty read, so an idle connection holds no buffer: one is rented only while a frame arrives.
    /// </summary>
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

    /// <summary>The frame, an <see cref="UnknownFrame"/> when it names a type there is not, or null when it is not a frame at all.</summary>
    private static ClientFrame? Parse(ReadOnlySpan<byte> frame)
    {
        try
        {
            return JsonSerializer.Deserialize(frame, GatewayJsonContext.Default.ClientFrame);
        }
        catch (JsonException)
        {
            // Only on this rare path is the frame read twice, to say which of the two mistakes it is.
            try
            {
                using var document = JsonDocument.Parse(frame.ToArray());
                return document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
                    && type.GetString() is { } name && !KnownTypes.Contains(name)
                    ? new UnknownFrame(name)
                    : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }

    private static readonly HashSet<string> KnownTypes = [FrameTypes.Hello, FrameTypes.Send, FrameTypes.Ping];

    /// <summary>A frame of a type this node does not know: answered with <c>unknown_frame_type</c>.</summary>
    private sealed record UnknownFrame(string Type) : ClientFrame;

    private enum FrameKind
    {
        Text,
        Binary,
        Close,
        TooLarge,
    }
}
