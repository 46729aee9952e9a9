using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Hutong.Bench.Wallet;
using Hutong.Core.Identity;
using Hutong.Wallet.Merchants;
using Hutong.Wallet.Merchants.Orders;
using Hutong.Wallet.Merchants.Platform;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hutong.Bench.Payments;

/// <summary>
/// <c>payments</c>: merchant orders created, paid and notified. The node's engine runs in this process (as for the
/// wallet scenarios: storage, Orleans silo, ledger writer, order grains, the notification outbox and its dispatcher;
/// no HTTP front), and so does the merchant's notify endpoint, on real Kestrel over loopback, which checks every
/// notification as merchant code must (the platform's signature over the body, then AEAD decryption with its API v3
/// key) and counts each order's notification. The figures: paid orders per second, notifications per second until the
/// last arrived, and the process's CPU per paid order (node and merchant together). The run fails unless every order
/// was notified exactly once and the ledger is exact: balanced, and the payers' money down by what the orders took.
/// </summary>
internal static class PaymentRun
{
    private const int InFlight = 2_048;
    private const long Price = 2_800;

    public static async Task<Outcome> RunAsync(Options options, CancellationToken cancellationToken)
    {
        await using var node = await WalletNode.StartAsync(options.Postgres, cancellationToken, new Dictionary<string, string?>
        {
            ["Hutong:Outbound:AllowPrivateAddresses"] = "true",
        });
        var orders = options.Orders;
        var payers = await node.SeedPeopleAsync(options.Smoke ? 50 : 2_000, 1_000_000_000, cancellationToken);
        var (merchant, appId) = await SeedMerchantAsync(node, cancellationToken);
        var openIds = node.Services.GetRequiredService<OpenIds>();
        var payerOpenIds = new string[payers.Length];
        for (var i = 0; i < payers.Length; i++)
        {
            payerOpenIds[i] = await openIds.ForAsync(appId, payers[i], cancellationToken);
        }

        await using var endpoint = await NotifyEndpoint.StartAsync(merchant.ApiV3Key!, node.Services.GetRequiredService<PaymentKeys>(), cancellationToken);
        var service = node.Services.GetRequiredService<OrderService>();
        var run = Guid.NewGuid().ToString("N")[..6];

        async Task<(int Paid, Latencies Latencies)> PayAsync(int from, int to)
        {
            var latencies = new Latencies();
            var paid = 0;
            await Parallel.ForEachAsync(Enumerable.Range(from, to - from), new ParallelOptions { MaxDegreeOfParallelism = InFlight, CancellationToken = cancellationToken },
                async (i, token) =>
                {
                    var started = Stopwatch.GetTimestamp();
                    var who = i % payers.Length;
                    var order = await service.CreateAsync(merchant, TradeTypes.JsApi, Order(appId, merchant.MchId, $"b{run}-{i}", payerOpenIds[who], endpoint.Url), token);
                    if (!order.IsSuccess)
                    {
                        throw new InvalidOperationException($"Order {i} was refused: {order.Error.Code} {order.Error.Title}");
                    }

                    var result = await node.Grains.GetGrain<IOrderGrain>(order.Value.Id).PayAsync(payers[who], payerOpenIds[who], merchant);
                    if (result.IsSuccess)
                    {
                        Interlocked.Increment(ref paid);
                    }

                    latencies.Add(Stopwatch.GetElapsedTime(started));
                });
            return (paid, latencies);
        }

        // A tenth as many first, so the hot paths are compiled with their profiles; then the measured run.
        var warmup = Math.Max(orders / 10, 50);
        await PayAsync(0, warmup);
        await endpoint.WaitForAsync(warmup, TimeSpan.FromMinutes(2), cancellationToken);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var (paid, latencies) = await PayAsync(warmup, warmup + orders);
        var paidIn = clock.Elapsed;
        var allArrived = await endpoint.WaitForAsync(warmup + orders, TimeSpan.FromMinutes(5), cancellationToken);
        var notifiedIn = clock.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

        var ledger = node.LedgerStore;
        var totals = await ledger.TotalsAsync(cancellationToken);
        long held = 0;
        foreach (var payer in payers)
        {
            held += (await ledger.FindAccountAsync(payer, cancellationToken))!.Balance;
        }

        var expected = payers.Length * 1_000_000_000L - (warmup + orders) * Price;
        var violations = (totals.Balanced ? 0 : 1) + (held == expected ? 0 : 1) + (paid == orders ? 0 : 1) + endpoint.Duplicates + endpoint.Refused
            + (allArrived ? 0 : 1);
        var results = new List<WalletResult>
        {
            new($"orders created and paid ({payers.Length:N0} payers, {InFlight:N0} in flight)", orders, paid, paidIn.TotalSeconds, paid / paidIn.TotalSeconds,
                latencies.Summarize(), paid == orders ? 0 : orders - paid, $"process CPU {cpu.TotalMilliseconds * 1000 / Math.Max(paid, 1):0} µs per paid order (node and merchant)"),
            new("notifications verified and decrypted at the merchant", orders, endpoint.Distinct - warmup, notifiedIn.TotalSeconds, (endpoint.Distinct - warmup) / notifiedIn.TotalSeconds,
                new LatencySummary(0, 0, 0, 0), endpoint.Duplicates + endpoint.Refused + (allArrived ? 0 : 1),
                $"duplicates {endpoint.Duplicates}, refused {endpoint.Refused}, answered non-2xx none"),
            new("ledger", 0, 0, 0, 0, new LatencySummary(0, 0, 0, 0), (totals.Balanced ? 0 : 1) + (held == expected ? 0 : 1),
                $"balanced {totals.Balanced}; payers hold {held:N0} fen, expected {expected:N0}"),
        };
        var markdown = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"### payments: the engine and a merchant's notify endpoint in one process ({(options.Postgres is null ? "SQLite" : "PostgreSQL")}; orders through OrderService, payments through the order grains, notifications over loopback HTTP)")
            .AppendLine()
            .AppendLine("| phase | operations | succeeded | seconds | per second | p50 ms | p99 ms | max ms | violations | notes |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in results)
        {
            markdown.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Phase} | {r.Operations:N0} | {r.Succeeded:N0} | {r.Seconds:0.00} | {r.PerSecond:N0} | {r.Latency.P50:0.0} | {r.Latency.P99:0.0} | {r.Latency.Max:0.0} | {r.Violations} | {r.Notes} |");
        }

        return new Outcome(markdown.ToString(), results, violations == 0);
    }

    private static JsonObject Order(string appId, string mchId, string outTradeNo, string openId, string notifyUrl) => new()
    {
        ["appid"] = appId,
        ["mchid"] = mchId,
        ["description"] = "Bench tea",
        ["out_trade_no"] = outTradeNo,
        ["notify_url"] = notifyUrl,
        ["amount"] = new JsonObject { ["total"] = Price, ["currency"] = "CNY" },
        ["payer"] = new JsonObject { ["openid"] = openId },
    };

    private static async Task<(Merchant Merchant, string AppId)> SeedMerchantAsync(WalletNode node, CancellationToken cancellationToken)
    {
        var store = node.Services.GetRequiredService<IMerchantStore>();
        var owner = (await node.SeedPeopleAsync(1, 0, cancellationToken))[0];
        var now = TimeProvider.System.GetUtcNow();
        var apiV3Key = RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 32);
        var merchant = new Merchant(Guid.CreateVersion7(), "1" + RandomNumberGenerator.GetString("0123456789", 9), owner, "Bench Tea Ltd", "Bench Tea", "food",
            MerchantStates.Approved, null, apiV3Key, now, now);
        if (await store.AddAsync(merchant, MerchantService.MaxMerchantsPerPerson, cancellationToken) != Added.Yes)
        {
            throw new InvalidOperationException("The bench merchant's id clashed.");
        }

        await store.SetApiV3KeyAsync(merchant.Id, apiV3Key, cancellationToken);
        var appId = "wx" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        await store.BindAppAsync(new MerchantApp(merchant.Id, appId, now), cancellationToken);
        return (merchant, appId);
    }

    /// <summary>The merchant's notify endpoint: verifies, decrypts and counts each order's notification once.</summary>
    private sealed class NotifyEndpoint : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentDictionary<string, int> _seen = new(StringComparer.Ordinal);
        private int _duplicates;
        private int _refused;
        private int _target = int.MaxValue;
        private TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private NotifyEndpoint(WebApplication app) => _app = app;

        public string Url { get; private set; } = "";

        public int Distinct => _seen.Count;

        public int Duplicates => Volatile.Read(ref _duplicates);

        public int Refused => Volatile.Read(ref _refused);

        public static async Task<NotifyEndpoint> StartAsync(string apiV3Key, PaymentKeys keys, CancellationToken cancellationToken)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var endpoint = new NotifyEndpoint(app);
            var certificates = (await keys.ListedAsync(cancellationToken)).ToDictionary(
                k => k.SerialNo, k => X509Certificate2.CreateFromPem(k.CertificatePem()).GetRSAPublicKey()!, StringComparer.OrdinalIgnoreCase);
            var key = Encoding.UTF8.GetBytes(apiV3Key);
            app.MapPost("/notify", async (HttpContext context) =>
            {
                using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
                var body = await reader.ReadToEndAsync(context.RequestAborted);
                var headers = context.Request.Headers;
                var serial = headers["Wechatpay-Serial"].ToString();
                var message = $"{headers["Wechatpay-Timestamp"]}\n{headers["Wechatpay-Nonce"]}\n{body}\n";
                if (!certificates.TryGetValue(serial, out var platform)
                    || !platform.VerifyData(Encoding.UTF8.GetBytes(message), Convert.FromBase64String(headers["Wechatpay-Signature"].ToString()), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
                {
                    Interlocked.Increment(ref endpoint._refused);
                    return Results.StatusCode((int)HttpStatusCode.Unauthorized);
                }

                var resource = JsonNode.Parse(body)!["resource"]!;
                var sealedBytes = Convert.FromBase64String(resource["ciphertext"]!.GetValue<string>());
                var plain = new byte[sealedBytes.Length - 16];
                using (var aes = new AesGcm(key, 16))
                {
                    aes.Decrypt(Encoding.UTF8.GetBytes(resource["nonce"]!.GetValue<string>()), sealedBytes.AsSpan(0, plain.Length), sealedBytes.AsSpan(plain.Length), plain,
                        Encoding.UTF8.GetBytes(resource["associated_data"]!.GetValue<string>()));
                }

                var transaction = JsonNode.Parse(plain)!;
                if (transaction["amount"]!["total"]!.GetValue<long>() != Price || transaction["trade_state"]!.GetValue<string>() != "SUCCESS")
                {
                    Interlocked.Increment(ref endpoint._refused);
                    return Results.BadRequest();
                }

                if (endpoint._seen.AddOrUpdate(transaction["out_trade_no"]!.GetValue<string>(), 1, (_, n) => n + 1) > 1)
                {
                    Interlocked.Increment(ref endpoint._duplicates);
                }
                else if (endpoint._seen.Count >= Volatile.Read(ref endpoint._target))
                {
                    endpoint._reached.TrySetResult();
                }

                return Results.NoContent();
            });
            await app.StartAsync(cancellationToken);
            endpoint.Url = app.Urls.Single() + "/notify";
            return endpoint;
        }

        /// <summary>Waits until <paramref name="count"/> orders were notified, at most <paramref name="patience"/>.</summary>
        public async Task<bool> WaitForAsync(int count, TimeSpan patience, CancellationToken cancellationToken)
        {
            _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _target, count);
            if (_seen.Count >= count)
            {
                return true;
            }

            try
            {
                await _reached.Task.WaitAsync(patience, cancellationToken);
                return true;
            }
            catch (TimeoutException)
            {
                return _seen.Count >= count;
            }
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
