using System.IO.Pipelines;
using System.Net.WebSockets;

namespace Hutong.Testing;

/// <summary>
/// Two ends of a WebSocket over in-memory pipes, with the framework's own WebSocket protocol on both: the server end
/// for a <c>GatewayConnection</c>, the device end for the test, which can split a frame into as many pieces as it likes.
/// </summary>
public sealed class InMemorySocket : IDisposable
{
    private InMemorySocket(WebSocket server, WebSocket device)
    {
        Server = server;
        Device = device;
    }

    public WebSocket Server { get; }

    public WebSocket Device { get; }

    public static InMemorySocket Create()
    {
        var (toServer, toDevice) = (new Pipe(), new Pipe());
        var server = WebSocket.CreateFromStream(new Duplex(toServer.Reader.AsStream(), toDevice.Writer.AsStream()), new WebSocketCreationOptions { IsServer = true });
        var device = WebSocket.CreateFromStream(new Duplex(toDevice.Reader.AsStream(), toServer.Writer.AsStream()), new WebSocketCreationOptions { IsServer = false });
        return new InMemorySocket(server, device);
    }

    /// <summary>Sends one text frame from the device in pieces of <paramref name="piece"/> bytes, each its own WebSocket fragment.</summary>
    public async Task SendInPiecesAsync(string json, int piece, CancellationToken cancellationToken)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(json);
        for (var start = 0; start < bytes.Length; start += piece)
        {
            var length = Math.Min(piece, bytes.Length - start);
            await Device.SendAsync(bytes.AsMemory(start, length), WebSocketMessageType.Text, endOfMessage: start + length == bytes.Length, cancellationToken);
        }
    }

    /// <summary>The next whole frame the device receives, as text; null when the server closed.</summary>
    public async Task<string?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 16];
        var whole = new MemoryStream();
        ValueWebSocketReceiveResult result;
        do
        {
            result = await Device.ReceiveAsync(buffer.AsMemory(), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            whole.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        return System.Text.Encoding.UTF8.GetString(whole.ToArray());
    }

    public void Dispose()
    {
        Server.Dispose();
        Device.Dispose();
    }

    private sealed class Duplex(Stream reading, Stream writing) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => reading.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => reading.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => reading.ReadAsync(buffer, offset, count, cancellationToken);

        public override void Write(byte[] buffer, int offset, int count) => writing.Write(buffer, offset, count);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => writing.WriteAsync(buffer, cancellationToken);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => writing.WriteAsync(buffer, offset, count, cancellationToken);

        public override Task FlushAsync(CancellationToken cancellationToken) => writing.FlushAsync(cancellationToken);

        public override void Flush() => writing.Flush();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                reading.Dispose();
                writing.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
