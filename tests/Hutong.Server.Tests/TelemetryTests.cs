using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Hutong.Contracts.Gateway;
using Hutong.Contracts.Wallet;
using Hutong.Server.Hosting;
using Hutong.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Server.Tests;

/// <summary>
/// <c>Hutong:Telemetry</c>: /metrics off by default; when on, the node's own meters count exactly what it did, beside
/// ASP.NET Core's and Orleans'; each node counts only its own; and a port of its own serves nothing else.
/// </summary>
public sealed class TelemetryTests
{
    private static readonly Dictionary<string, string?> PrometheusOn = new() { ["Hutong:Telemetry:Prometheus"] = "true" };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Metrics_WhenOn_CountWhatTheNodeDid()
    {
        await using var app = await HutongApp.StartAsync(StorageProvider.Sqlite, PrometheusOn, cancellationToken: Ct);
        // Another node in the same process, to show that each exports only its own measurements.
        await using var other = await HutongApp.StartAsync(StorageProvider.Sqlite, PrometheusOn, cancellationToken: Ct);
        using var http = app.CreateClient();
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");
        await mei.BefriendAsync(lin);
        var direct = Assert.Single((await mei.Client.GetConversationsAsync(Ct)).Conversations).ConversationId;
        var group = (await mei.Client.CreateGroupAsync("tea", [lin.UserId], Ct)).ConversationId;
        var before = await PrometheusText.ScrapeAsync(http, Ct);

        var device = app.NewGateway(lin.Client);
        try
        {
            await device.ConnectAsync(cancellationToken: Ct).WaitAsync(Eventually.Patience, Ct);
            await WaitForAsync(http, m => m.Sum("hutong_gateway_connections") == 1, "one device connected");
            for (var i = 1; i <= 3; i++)
            {
                await mei.Client.SendTextAsync(direct, $"over http {i}", Ct);
            }

            for (var i = 1; i <= 2; i++)
            {
                await device.SendTextAsync(direct, $"over the gateway {i}", cancellationToken: Ct);
            }

            await mei.Client.SendTextAsync(group, "to the group", Ct);
            await mei.Client.TopUpAsync("start", 10_000, Ct);
            await mei.Client.SetPinAsync("271828", cancellationToken: Ct);
            // The transfer's card is a message in the pair's chat too.
            await mei.Client.SendTransferAsync(new SendTransferRequest("tea", lin.UserId, 3_000, null, "271828"), Ct);
            for (var i = 0; i < 7; i++)
            {
                await Eventually.ReadAsync(HutongApp.Delivered(device), f => f is MessageFrame, $"message {i + 1} of 7 on lin's device");
            }

            var after = await WaitForAsync(
                http, m => Delta(before, m, "hutong_messages_delivered_total") == 7, "the 7 messages counted as delivered");

            Assert.Equal(6, Delta(before, after, "hutong_messages_sent_total", ("hutong_conversation_kind", "direct")));
            Assert.Equal(1, Delta(before, after, "hutong_messages_sent_total", ("hutong_conversation_kind", "group")));
            Assert.Equal(1, after.Sum("hutong_gateway_connections"));
            Assert.True(Delta(before, after, "hutong_events_delivered_total") > 0, "The device was told of events (its resume, the group).");
            Assert.Equal(1, Delta(before, after, "hutong_ledger_transfers_total", ("hutong_transfer_code", "top_up"), ("hutong_transfer_phase", "posted")));
            Assert.Equal(1, Delta(before, after, "hutong_ledger_transfers_total", ("hutong_transfer_code", "person_to_person"), ("hutong_transfer_phase", "pending")));
            Assert.Equal(0, after.Sum("hutong_gateway_overflows_total"));

            // Every message was one chat unit at least; each committed transaction has its size and its time.
            var chat = ("hutong_writer", "chat");
            Assert.True(Delta(before, after, "hutong_group_commit_batch_size_sum", chat) >= 7);
            Assert.True(Delta(before, after, "hutong_group_commit_batch_size_count", chat) >= 1);
            Assert.Equal(after.Sum("hutong_group_commit_batch_size_count", chat), after.Sum("hutong_group_commit_duration_seconds_count", chat));
            Assert.Equal(
                after.Sum("hutong_group_commit_duration_seconds_count", chat),
                after.Sum("hutong_group_commit_duration_seconds_bucket", chat, ("le", "+Inf")));
            Assert.True(after.Sum("hutong_group_commit_batch_size_count", ("hutong_writer", "ledger")) >= 2);
            Assert.True(after.Sum("hutong_group_commit_batch_size_count", ("hutong_writer", "event_log")) >= 1);

            // ASP.NET Core's and Orleans' own meters come with them.
            Assert.True(after.Sum("http_server_request_duration_seconds_count") > 0, "HTTP requests are measured.");
            Assert.True(after.Sum("orleans_catalog_activations") > 0, "Orleans counts its activations.");

            // The other node did nothing of this.
            using var otherHttp = other.CreateClient();
            var others = await PrometheusText.ScrapeAsync(otherHttp, Ct);
            Assert.Equal(0, others.Sum("hutong_messages_sent_total"));
            Assert.Equal(0, others.Sum("hutong_messages_delivered_total"));
            Assert.Equal(0, Assert.Single(others.Of("hutong_gateway_connections")).Value);
        }
        finally
        {
            await device.DisposeAsync();
        }

        await WaitForAsync(http, m => m.Sum("hutong_gateway_connections") == 0, "no device connected");
    }

    [Fact]
    public async Task Metrics_ByDefault_AreNotServed()
    {
        await using var app = await HutongApp.StartAsync(StorageProvider.Sqlite, cancellationToken: Ct);
        using var http = app.CreateClient();

        using var response = await http.GetAsync(new Uri("/metrics", UriKind.Relative), Ct);

        // Not the web client's page either: /metrics is not one of its paths.
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Metrics_OnAPortOfTheirOwn_AnswerThereAlone()
    {
        var (app, port) = await StartWithMetricsPortAsync();
        await using var _ = app;
        using var node = app.CreateClient();
        using var metrics = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        using var healthy = await node.GetAsync(new Uri("/healthz", UriKind.Relative), Ct);

        var scraped = await PrometheusText.ScrapeAsync(metrics, Ct);
        using var onTheNode = await node.GetAsync(new Uri("/metrics", UriKind.Relative), Ct);
        using var apiOnTheMetricsPort = await metrics.GetAsync(new Uri("/api/v1/me", UriKind.Relative), Ct);
        using var healthOnTheMetricsPort = await metrics.GetAsync(new Uri("/healthz", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        Assert.Equal(1, scraped.Sum("http_server_request_duration_seconds_count", ("http_route", "/healthz")));
        Assert.True(scraped.Sum("kestrel_active_connections") >= 1, "Kestrel's own meter comes too.");
        Assert.Equal(HttpStatusCode.NotFound, onTheNode.StatusCode);
        Assert.NotEqual(node.BaseAddress!.Port, port);
        Assert.Equal(HttpStatusCode.NotFound, apiOnTheMetricsPort.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, healthOnTheMetricsPort.StatusCode);
    }

    [Fact]
    public async Task Otlp_WhenConfigured_GetsMetricsAndTracesThatFollowARequestIntoTheGrains()
    {
        await using var collector = await FakeOtlpCollector.StartAsync(Ct);
        await using var app = await HutongApp.StartAsync(
            StorageProvider.Sqlite,
            new Dictionary<string, string?>
            {
                ["Hutong:Telemetry:OtlpEndpoint"] = collector.Address,
                ["Hutong:Telemetry:OtlpProtocol"] = "HttpProtobuf",
                // The SDK's own settings apply: export every tenth of a second instead of every 5 s (traces) and 60 s (metrics).
                ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
                ["OTEL_METRIC_EXPORT_INTERVAL"] = "100",
            },
            cancellationToken: Ct);
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");
        await mei.BefriendAsync(lin);
        var direct = Assert.Single((await mei.Client.GetConversationsAsync(Ct)).Conversations).ConversationId;

        await mei.Client.SendTextAsync(direct, "traced", Ct);

        // The send's HTTP span and the conversation grain's span it called are in one trace.
        await Eventually.ThatAsync(
            () =>
            {
                var spans = collector.Spans;
                var requests = spans.Where(s => s.Scope == "Microsoft.AspNetCore" && s.Name.StartsWith("POST ", StringComparison.Ordinal)).Select(s => s.TraceId).ToHashSet();
                return spans.Any(s => s.Scope == "Microsoft.Orleans.Application" && s.Name.Contains("IConversationGrain/SendAsync", StringComparison.Ordinal) && requests.Contains(s.TraceId));
            },
            "an HTTP span and its conversation grain's span in one trace");
        await Eventually.ThatAsync(
            () => collector.Exports.Any(e => e.Path == "/v1/metrics" && System.Text.Encoding.UTF8.GetString(e.Body).Contains("hutong.messages.sent", StringComparison.Ordinal)),
            "hutong.messages.sent exported");
    }

    [Fact]
    public async Task MetricsPort_WithoutPrometheus_StopsTheNodeNamingTheKeys()
    {
        using var storage = await TestStorage.CreateAsync(StorageProvider.Sqlite, Ct);

        var error = Assert.ThrowsAny<Exception>(() => HutongApp.Start(storage, new Dictionary<string, string?> { ["Hutong:Telemetry:MetricsPort"] = "9464" }));

        Assert.Contains("Hutong:Telemetry:MetricsPort is set, but Hutong:Telemetry:Prometheus is not true", Messages(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MetricsPort_ThatIsTaken_StopsTheNodeNamingIt()
    {
        using var storage = await TestStorage.CreateAsync(StorageProvider.Sqlite, Ct);
        using var taken = new TcpListener(IPAddress.Any, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);

        var error = Assert.ThrowsAny<Exception>(() => HutongApp.Start(
            storage, new Dictionary<string, string?> { ["Hutong:Telemetry:Prometheus"] = "true", ["Hutong:Telemetry:MetricsPort"] = port }));

        Assert.Contains($"Hutong:Telemetry:MetricsPort: port {port} is taken", Messages(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SweeperLag_IsHowLongAfterItsExpiryATransferWasReturned()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        await using var app = await HutongApp.StartAsync(StorageProvider.Sqlite, PrometheusOn, clock, cancellationToken: Ct);
        using var http = app.CreateClient();
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");
        await mei.BefriendAsync(lin);
        await mei.Client.TopUpAsync("start", 10_000, Ct);
        await mei.Client.SetPinAsync("271828", cancellationToken: Ct);
        var sent = await mei.Client.SendTransferAsync(new SendTransferRequest("late", lin.UserId, 4_000, null, "271828"), Ct);

        // Due after 24 hours; the node's sweeper, woken by the jump, finds it ten minutes late.
        clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(10));
        await Eventually.ThatAsync(
            async ct => (await mei.Client.GetTransferAsync(sent.Id, ct)).State == TransferStates.Expired, "the transfer returned by the sweeper");
        var transfer = ("hutong_sweeper_item", "transfer");
        var scraped = await WaitForAsync(http, m => m.Sum("hutong_sweeper_lag_seconds_count", transfer) >= 1, "the sweep measured");

        var count = scraped.Sum("hutong_sweeper_lag_seconds_count", transfer);
        Assert.Equal(600 * count, scraped.Sum("hutong_sweeper_lag_seconds_sum", transfer));
        Assert.Equal(0, scraped.Sum("hutong_sweeper_lag_seconds_bucket", transfer, ("le", "300")));
        Assert.Equal(count, scraped.Sum("hutong_sweeper_lag_seconds_bucket", transfer, ("le", "600")));
    }

    private static double Delta(PrometheusText before, PrometheusText after, string name, params (string, string)[] labels) =>
        after.Sum(name, labels) - before.Sum(name, labels);

    private static Task<PrometheusText> WaitForAsync(HttpClient http, Func<PrometheusText, bool> holds, string awaited) =>
        Eventually.ValueAsync(ct => PrometheusText.ScrapeAsync(http, ct), holds, awaited);

    /// <summary>
    /// A node with metrics on a port of their own. A port found free here can be taken by another test's node before this
    /// one binds it (the node then refuses to start, saying so): another free port is tried, three times at most.
    /// </summary>
    private static async Task<(HutongApp App, int Port)> StartWithMetricsPortAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            try
            {
                var app = await HutongApp.StartOnKestrelAsync(
                    StorageProvider.Sqlite,
                    new Dictionary<string, string?> { ["Hutong:Telemetry:Prometheus"] = "true", ["Hutong:Telemetry:MetricsPort"] = port.ToString(CultureInfo.InvariantCulture) },
                    Ct);
                return (app, port);
            }
            catch (InvalidOperationException e) when (attempt < 3 && e.Message.Contains($"port {port} is taken", StringComparison.Ordinal))
            {
            }
        }
    }

    /// <summary>A port free a moment ago: the listener that found it lets it go for the node to take.</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Messages(Exception error)
    {
        var messages = new List<string>();
        for (var e = error; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
            if (e is AggregateException aggregate)
            {
                messages.AddRange(aggregate.InnerExceptions.Select(inner => inner.Message));
            }
        }

        return string.Join(" | ", messages);
    }
}
