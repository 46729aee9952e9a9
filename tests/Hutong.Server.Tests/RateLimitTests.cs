using Hutong.Client;
using Hutong.Contracts;
using Hutong.Contracts.Accounts;
using Hutong.Server.Hosting;
using Hutong.Testing;

namespace Hutong.Server.Tests;

public sealed class RateLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignUp_OverTheLimit_Is429WithRetryAfter()
    {
        await using var app = await HutongApp.StartAsync(StorageProvider.Sqlite, new Dictionary<string, string?>
        {
            ["Hutong:RateLimits:SignUp:PermitLimit"] = "2",
            ["Hutong:RateLimits:SignUp:Window"] = "00:10:00",
        }, cancellationToken: Ct);
        using var http = app.CreateClient();

        for (var i = 0; i < 2; i++)
        {
            await app.NewClient().SignUpAsync(new SignUpRequest("rl_" + Guid.NewGuid().ToString("N")[..8], "good-password-1", "R"), Ct);
        }

        using var limited = await http.PostAsync("/api/v1/accounts", System.Net.Http.Json.JsonContent.Create(
            new SignUpRequest("rl_" + Guid.NewGuid().ToString("N")[..8], "good-password-1", "R"), HutongJsonContext.Default.SignUpRequest), Ct);

        await ProblemTests.AssertProblemAsync(limited, 429, ErrorCodes.RateLimited);
        var retryAfter = int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 600);
        app.Storage.Dispose();
    }

    [Fact]
    public async Task Login_OverTheLimit_Is429EvenWithTheRightPassword()
    {
        await using var app = await HutongApp.StartAsync(StorageProvider.Sqlite, new Dictionary<string, string?>
        {
            ["Hutong:RateLimits:Login:PermitLimit"] = "3",
        }, cancellationToken: Ct);
        var mei = await TestUser.CreateAsync(app, "mei");

        for (var i = 0; i < 2; i++)
        {
            await Assert.ThrowsAsync<HutongApiException>(() => app.NewClient().LoginAsync(new LoginRequest(mei.Handle, "guess-" + i, null), Ct));
        }

        var limited = await Assert.ThrowsAsync<HutongApiException>(() => app.NewClient().LoginAsync(new LoginRequest(mei.Handle, mei.Password, null), Ct));
        Assert.Equal((429, ErrorCodes.RateLimited), (limited.Status, limited.Code));
        app.Storage.Dispose();
    }

    [Fact]
    public async Task FriendRequests_AreLimitedPerPerson()
    {
        await using var app = await HutongApp.StartAsync(StorageProvider.Sqlite, new Dictionary<string, string?>
        {
            ["Hutong:RateLimits:FriendRequests:PermitLimit"] = "2",
        }, cancellationToken: Ct);
        var spammer = await TestUser.CreateAsync(app, "spammer");
        var polite = await TestUser.CreateAsync(app, "polite");
        var targets = new List<TestUser>();
        for (var i = 0; i < 3; i++)
        {
            targets.Add(await TestUser.CreateAsync(app, "target" + i));
        }

        await spammer.Client.SendFriendRequestAsync(targets[0].UserId, null, Ct);
        await spammer.Client.SendFriendRequestAsync(targets[1].UserId, null, Ct);
        var limited = await Assert.ThrowsAsync<HutongApiException>(() => spammer.Client.SendFriendRequestAsync(targets[2].UserId, null, Ct));

        Assert.Equal((429, ErrorCodes.RateLimited), (limited.Status, limited.Code));
        Assert.Empty((await targets[2].Client.GetFriendRequestsAsync(cancellationToken: Ct)).Requests);
        // Someone else's budget is their own.
        await polite.Client.SendFriendRequestAsync(targets[2].UserId, null, Ct);
        app.Storage.Dispose();
    }
}
