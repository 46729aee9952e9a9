using System.Net.WebSockets;
using System.Text;
using Hutong.Server.Gateway;
using Hutong.Server.Hosting;
using Hutong.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hutong.Chat.Tests;

/// <summary>
/// A device that stops reading must cost the node a bounded queue and then its connection, never the other
/// devices' delivery. The in-memory test server never pushes back on writes, so this drives a connection whose socket
/// accepts the hello and then never finishes a send. The node counts the connection it cut off.
/// </summary>
public sealed class SlowConsumerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SlowDevice_IsDisconnectedPastItsQueue_WhileOthersGetEverything()
    {
        await using var app = await HutongApp.StartAsync(StorageProvider.Sqlite, new Dictionary<string, string?> { ["Hutong:Gateway:SendQueueFrames"] = "16", ["Hutong:Telemetry:Prometheus"] = "true" }, cancellationToken: Ct);
        var (mei, lin, id) = await ChatTestKit.FriendsAsync(app);
        await using var healthy = await app.ConnectAsync(await lin.NewDeviceAsync(app));
        var stalled = new StalledSocket("{\"type\":\"hello\",\"version\":3,\"token\":\"" + lin.Client.Token + "\"}");
        using var connection = new GatewayConnection(
            stalled, app.Services.GetRequiredService<GatewayHub>(), app.Services.GetRequiredService<GatewayBackend>(), TimeProvider.System, NullLogger.Instance);
        var running = connection.RunAsync(null, Ct);
        await stalled.FirstSend.WaitAsync(GatewayKit.Patience, Ct);

        for (var i = 1; i <= 40; i++)
        {
            await mei.Client.SendTextAsync(id, "burst " + i, Ct);
        }

        await running.WaitAsync(GatewayKit.Patience, Ct);
        Assert.True(stalled.Aborted);
        for (var i = 1; i <= 40; i++)
        {
            Assert.Equal(i, (await healthy.NextMessageAsync()).Seq);
        }

        using var http = app.CreateClient();
        var metrics = await PrometheusText.ScrapeAsync(http, Ct);
        Assert.Equal(1, metrics.Sum("hutong_gateway_overflows_total"));

        app.Storage.Dispose();
    }

    /// <summary>
    /// Delivers one hello, as much of it per receive as the buffer takes (an empty buffer waits for it, as on a real
    /// socket), then holds every send and receive until aborted or cancelled.
    /// </summary>
    private sealed class StalledSocket(string hello) : WebSocket
    {
        private readonly TaskCompletionSource _firstSend = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _aborted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly byte[] _hello = Encoding.UTF8.GetBytes(hello);
        private int _helloSent;

        public Task FirstSend => _firstSend.Task;

        public bool Aborted => _aborted.Task.IsCompleted;

        public override WebSocketCloseStatus? CloseStatus => null;

        public override string? CloseStatusDescription => null;

        public override WebSocketState State => Aborted ? WebSocketState.Aborted : WebSocketState.Open;

        public override string? SubProtocol => null;

        public override void Abort() => _aborted.TrySetResult();

        public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) => Task.CompletedTask;

        public override Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) => Task.CompletedTask;

        public override void Dispose() => Abort();

        public override async Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken)
        {
            if (_helloSent < _hello.Length)
            {
                var count = Math.Min(buffer.Count, _hello.Length - _helloSent);
                _hello.AsSpan(_helloSent, count).CopyTo(buffer.AsSpan());
                _helloSent += count;
                return new WebSocketReceiveResult(count, WebSocketMessageType.Text, endOfMessage: _helloSent == _hello.Length);
            }

            await _aborted.Task.WaitAsync(cancellationToken);
            throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely);
        }

        public override async Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken)
        {
            _firstSend.TrySetResult();
            await _aborted.Task.WaitAsync(cancellationToken);
            throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely);
        }
    }
}
