using Hutong.Client;
using Hutong.Contracts;
using Hutong.Server.Hosting;
using Hutong.Testing;

namespace Hutong.Chat.Tests;

public sealed class SendLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sends_PastThePersonsAllowance_Are429_OverHttpAndTheGatewayAlike()
    {
        await using var app = await HutongApp.StartAsync(StorageProvider.Sqlite, new Dictionary<string, string?>
        {
            ["Hutong:Limits:SendsPerWindow"] = "3",
            ["Hutong:Limits:SendWindow"] = "00:10:00",
        }, cancellationToken: Ct);
        var (mei, lin, id) = await ChatTestKit.FriendsAsync(app);
        await using var gateway = await app.ConnectAsync(await mei.NewDeviceAsync(app));

        await mei.Client.SendTextAsync(id, "one", Ct);
        await mei.Client.SendTextAsync(id, "two", Ct);
        await gateway.SendTextAsync(id, "three", cancellationToken: Ct);
        var overHttp = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.SendTextAsync(id, "four", Ct));
        var overGateway = await Assert.ThrowsAsync<HutongApiException>(() => gateway.SendTextAsync(id, "five", cancellationToken: Ct).WaitAsync(GatewayKit.Patience, Ct));
        using var raw = app.CreateClient();
        raw.DefaultRequestHeaders.Authorization = new("Bearer", mei.Client.Token);
        using var response = await raw.PostAsync($"/api/v1/conversations/{id}/messages", System.Net.Http.Json.JsonContent.Create(new { clientMsgId = "six", content = new { kind = "text", text = "six" } }), Ct);

        Assert.Equal((429, ErrorCodes.RateLimited), (overHttp.Status, overHttp.Code));
        Assert.Equal((429, ErrorCodes.RateLimited), (overGateway.Status, overGateway.Code));
        Assert.InRange(int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 600);
        Assert.Equal(3, (await ChatTestKit.AllMessagesAsync(lin, id)).Count);
        // Lin's allowance is his own.
        await lin.Client.SendTextAsync(id, "I can still talk", Ct);
        app.Storage.Dispose();
    }

    [Fact]
    public async Task Sends_ThroughTwoNodesOfOneCluster_DrawOnOneAllowance()
    {
        var (first, second) = await TwoNodesAsync(sendsPerWindow: 3);
        await using var _ = first;
        await using var __ = second;
        var (mei, lin, id) = await ChatTestKit.FriendsAsync(first);
        var meiOnSecond = await mei.NewDeviceAsync(second);

        await mei.Client.SendTextAsync(id, "one", Ct);
        await meiOnSecond.SendTextAsync(id, "two", Ct);
        await mei.Client.SendTextAsync(id, "three", Ct);
        var over = await Assert.ThrowsAsync<HutongApiException>(() => meiOnSecond.SendTextAsync(id, "four", Ct));

        Assert.Equal((429, ErrorCodes.RateLimited), (over.Status, over.Code));
        Assert.Equal(3, (await ChatTestKit.AllMessagesAsync(lin, id)).Count);
    }

    [Fact]
    public async Task Sends_ThroughTwoNodes_EachTakingPermitsASliceAtATime_StillStopAtTheLimit()
    {
        // 16 a window: each node takes two permits at a time from the cluster's count.
        var (first, second) = await TwoNodesAsync(sendsPerWindow: 16);
        await using var _ = first;
        await using var __ = second;
        var (mei, lin, id) = await ChatTestKit.FriendsAsync(first);
        HutongClient[] devices = [mei.Client, await mei.NewDeviceAsync(second)];

        for (var n = 0; n < 16; n++)
        {
            await devices[n % 2].SendTextAsync(id, $"message {n}", Ct);
        }

        foreach (var device in devices)
        {
            var over = await Assert.ThrowsAsync<HutongApiException>(() => device.SendTextAsync(id, "one too many", Ct));
            Assert.Equal((429, ErrorCodes.RateLimited), (over.Status, over.Code));
        }

        Assert.Equal(16, (await ChatTestKit.AllMessagesAsync(lin, id)).Count);
    }

    /// <summary>Two nodes of one cluster on one PostgreSQL database, with this many sends a person may make in ten minutes.</summary>
    private static async Task<(HutongApp First, HutongApp Second)> TwoNodesAsync(int sendsPerWindow)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Hutong:Limits:SendsPerWindow"] = sendsPerWindow.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Hutong:Limits:SendWindow"] = "00:10:00",
        };
        var first = await HutongApp.StartAsync(StorageProvider.Postgres, settings, cancellationToken: Ct);
        return (first, HutongApp.Start(first.Storage, settings));
    }
}
