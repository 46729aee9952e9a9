using Hutong.Client;
using Hutong.Contracts;
using Hutong.Contracts.Wallet;
using Hutong.Server.Hosting;
using Hutong.Testing;
using Hutong.Wallet.Ledger;
using Microsoft.Extensions.DependencyInjection;

namespace Hutong.Wallet.Tests;

/// <summary>A full group of 500 all tapping one 100-share packet at the same moment, over HTTP.</summary>
public sealed class RedPacketRaceTests
{
    private const string Pin = "271828";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task FiveHundredOpeners_OnAHundredShares_ExactlyAHundredWin_AndTheSharesSumToTheTotal(StorageProvider provider)
    {
        await using var app = await HutongApp.StartAsync(provider, cancellationToken: Ct);
        var owner = await TestUser.CreateAsync(app, "owner");
        await owner.Client.TopUpAsync("start", 50_000, Ct);
        await owner.Client.SetPinAsync(Pin, cancellationToken: Ct);
        var members = await InParallelAsync(Enumerable.Range(0, 499), async _ =>
        {
            var member = await TestUser.CreateAsync(app, "member");
            await owner.BefriendAsync(member);
            return member;
        });
        var group = await owner.Client.CreateGroupAsync("Five hundred", [.. members.Select(m => m.UserId)], Ct);
        var packet = await owner.Client.SendRedPacketAsync(new SendRedPacketRequest("big", group.ConversationId, RedPacketKinds.Lucky, 30_000, 100, null, Pin), Ct);

        // Everyone at once: the tasks are all started before any is awaited.
        var everyone = members.Append(owner).ToList();
        var attempts = everyone.Select(async person =>
        {
            try
            {
                return (person.UserId, Amount: (long?)(await person.Client.OpenRedPacketAsync(packet.Id, Ct)).Amount, Code: (string?)null);
            }
            catch (HutongApiException e)
            {
                return (person.UserId, Amount: (long?)null, e.Code);
            }
        }).ToList();
        var results = await Task.WhenAll(attempts);

        var won = results.Where(r => r.Amount is not null).ToList();
        Assert.Equal(100, won.Count);
        Assert.All(results.Where(r => r.Amount is null), r => Assert.Equal(ErrorCodes.PacketEmpty, r.Code));
        Assert.Equal(30_000, won.Sum(r => r.Amount!.Value));
        Assert.All(won, r => Assert.InRange(r.Amount!.Value, 1, 20_000));

        var details = await owner.Client.GetRedPacketAsync(packet.Id, Ct);
        Assert.Equal((RedPacketStates.Finished, 0), (details.State, details.RemainingCount));
        Assert.Equal(won.Select(w => (w.UserId, w.Amount!.Value)).Order(), details.Opens.Select(o => (o.UserId, o.Amount)).Order());
        Assert.Single(details.Opens, o => o.BestLuck);
        var ledger = app.Services.GetRequiredService<ILedgerStore>();
        Assert.True((await ledger.TotalsAsync(Ct)).Balanced);
        Assert.Equal(0, (await ledger.FindAccountAsync(Guid.Parse(packet.Id), Ct))!.Balance);
        foreach (var winner in won.Take(10))
        {
            Assert.Equal(winner.Amount, (await ledger.FindAccountAsync(Guid.Parse(winner.UserId), Ct))!.Balance);
        }

        // The sender hears of every other winner, in fewer notices than opens: those that landed together come as one.
        var others = won.Count(w => w.UserId != owner.UserId);
        var (told, notices, after) = (0, 0, 0L);
        await Eventually.ThatAsync(
            async ct =>
            {
                // The owner's log also holds the 499 friendships: each look reads on, page by page, from where the last stopped.
                while (true)
                {
                    var page = await owner.Client.GetEventsAsync(after, cancellationToken: ct);
                    if (page.Events.Count == 0)
                    {
                        return told >= others;
                    }

                    foreach (var heard in page.Events.OfType<Contracts.Events.RedPacketOpenedEvent>())
                    {
                        told += heard.Count;
                        notices++;
                    }

                    Assert.True(page.Events[^1].Seq > after, $"The events after seq {after} end at seq {page.Events[^1].Seq}.");
                    after = page.Events[^1].Seq;
                }
            },
            $"notices of all {others} other winners");

        Assert.Equal(others, told);
        Assert.InRange(notices, 1, others - 1);
    }

    private static async Task<T[]> InParallelAsync<T>(IEnumerable<int> items, Func<int, Task<T>> work)
    {
        using var gate = new SemaphoreSlim(8);
        return await Task.WhenAll(items.Select(async item =>
        {
            await gate.WaitAsync(Ct);
            try
            {
                return await work(item);
            }
            finally
            {
                gate.Release();
            }
        }));
    }
}
