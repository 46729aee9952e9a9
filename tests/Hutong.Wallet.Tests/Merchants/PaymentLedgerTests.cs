using System.Net;
using Hutong.Client;
using Hutong.Contracts.Accounts;
using Hutong.Server.Hosting;
using Hutong.Testing;
using Hutong.Wallet.Ledger;
using Hutong.Wallet.Merchants.Orders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Wallet.Tests.Merchants;

/// <summary>
/// The ledger stays exact under a randomised run of orders, payments (some raced from two devices), closes, refunds
/// (some repeated), restarts of the node and settlement: it balances, and every payer's and the merchant's money is
/// what the answers they were given add up to.
/// </summary>
public sealed class PaymentLedgerTests
{
    private const string Pin = "246810";
    private const long Start = 100_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task ARandomisedRunWithRestarts_KeepsEveryBalanceExact(StorageProvider provider)
    {
        var seed = Random.Shared.Next();
        var random = new Random(seed);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));
        using var storage = await TestStorage.CreateAsync(provider, Ct);
        var app = HutongApp.Start(storage, clock: clock);
        try
        {
            var owner = await TestUser.CreateAsync(app, "owner");
            var merchant = await V3Merchant.CreateAsync(app, owner);
            var payers = new List<(string Handle, string UserId)>();
            for (var i = 0; i < 4; i++)
            {
                var payer = await OrderTests.PayerAsync(app, Start);
                payers.Add((payer.Handle, payer.UserId));
            }

            var paid = new Dictionary<string, long>();
            var refunded = new Dictionary<string, long>();
            var orderNumber = 0;
            for (var round = 0; round < 3; round++)
            {
                var clients = new List<HutongClient>();
                foreach (var (handle, _) in payers)
                {
                    var client = app.NewClient();
                    await client.LoginAsync(new LoginRequest(handle, TestUser.DefaultPassword, $"round {round}"), Ct);
                    clients.Add(client);
                }

                var orders = new List<(string OutTradeNo, int Payer, long Amount, string PrepayId)>();
                for (var i = 0; i < 8; i++)
                {
                    var who = random.Next(payers.Count);
                    var amount = random.Next(1, 5_000);
                    var outTradeNo = $"rand-{seed % 1000:D3}-{orderNumber++:D3}";
                    var openId = await app.Services.GetRequiredService<Hutong.Core.Identity.OpenIds>().ForAsync(merchant.AppId, Guid.Parse(payers[who].UserId), Ct);
                    var created = await merchant.PostAsync("/v3/pay/transactions/jsapi", OrderTests.JsApiOrder(merchant, outTradeNo, amount, openId));
                    Assert.Equal(HttpStatusCode.OK, created.Status);
                    orders.Add((outTradeNo, who, amount, created.Json["prepay_id"]!.GetValue<string>()));
                }

                // Pay about two in three, some twice at once; close some of the rest, some of them while being paid.
                var attempts = new List<Task>();
                foreach (var order in orders)
                {
                    var roll = random.Next(6);
                    var tries = roll < 4 ? (roll == 0 ? 2 : 1) : 0;
                    for (var t = 0; t < tries; t++)
                    {
                        attempts.Add(Quietly(clients[order.Payer].PayAsync(merchant.PayParameters(order.PrepayId, Pin), Ct)));
                    }

                    if (roll >= 3)
                    {
                        attempts.Add(merchant.PostAsync($"/v3/pay/transactions/out-trade-no/{order.OutTradeNo}/close", new System.Text.Json.Nodes.JsonObject { ["mchid"] = merchant.MchId }));
                    }
                }

                await Task.WhenAll(attempts);
                foreach (var order in orders)
                {
                    var state = (await merchant.GetAsync($"/v3/pay/transactions/out-trade-no/{order.OutTradeNo}?mchid={merchant.MchId}")).Json["trade_state"]!.GetValue<string>();
                    if (state == "SUCCESS")
                    {
                        paid[payers[order.Payer].UserId] = paid.GetValueOrDefault(payers[order.Payer].UserId) + order.Amount;
                    }
                    else
                    {
                        Assert.True(state is "NOTPAY" or "CLOSED", state);
                    }
                }

                // Refund some paid orders in parts, some parts asked for twice.
                var refunds = new List<Task<(int Payer, long Amount, V3Answer Answer)>>();
                foreach (var order in orders.Where(o => random.Next(2) == 0))
                {
                    var part = Math.Max(1, order.Amount / 3);
                    var number = $"{order.OutTradeNo}-r";
                    var copies = random.Next(1, 3);
                    for (var c = 0; c < copies; c++)
                    {
                        refunds.Add(RefundAsync(merchant, order.OutTradeNo, number, part, order.Amount, order.Payer));
                    }
                }

                var answers = await Task.WhenAll(refunds);
                foreach (var group in answers.Where(a => a.Answer.Status == HttpStatusCode.OK).GroupBy(a => a.Answer.Json["refund_id"]!.GetValue<string>()))
                {
                    var first = group.First();
                    refunded[payers[first.Payer].UserId] = refunded.GetValueOrDefault(payers[first.Payer].UserId) + first.Amount;
                }

                Assert.All(answers.Where(a => a.Answer.Status != HttpStatusCode.OK), a => Assert.True(a.Answer.Code is "INVALID_REQUEST" or "ORDER_CLOSED", a.Answer.Body));

                // A restart: whatever was half done is finished by the next node's sweep.
                await app.DisposeAsync();
                app = HutongApp.Start(storage, clock: clock);
                var moved = merchant.On(app);
                merchant.Dispose();
                merchant = moved;
            }

            clock.Advance(TimeSpan.FromDays(2));
            await app.Services.GetRequiredService<OrderService>().SweepAsync(Ct);

            var ledger = app.Services.GetRequiredService<ILedgerStore>();
            Assert.True((await ledger.TotalsAsync(Ct)).Balanced, $"seed {seed}");
            foreach (var (_, userId) in payers)
            {
                var account = await ledger.FindAccountAsync(Guid.Parse(userId), Ct);
                Assert.Equal(Start - paid.GetValueOrDefault(userId) + refunded.GetValueOrDefault(userId), account!.Balance);
                Assert.Equal(0, account.DebitsPending);
            }

            var settled = await ledger.FindAccountAsync(merchant.Merchant.Id, Ct);
            Assert.Equal(paid.Values.Sum() - refunded.Values.Sum(), settled?.Balance ?? 0);
            merchant.Dispose();
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    private static async Task<(int Payer, long Amount, V3Answer Answer)> RefundAsync(V3Merchant merchant, string outTradeNo, string number, long amount, long total, int payer) =>
        (payer, amount, await merchant.PostAsync("/v3/refund/domestic/refunds", RefundTests.Refund(number, amount, total, outTradeNo: outTradeNo)));

    private static async Task Quietly(Task task)
    {
        try
        {
            await task;
        }
        catch (HutongApiException)
        {
            // Refused (closed first, or paid by the other device): the ledger check below says whether money moved.
        }
    }
}
