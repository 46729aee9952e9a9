using Hutong.Client;
using Hutong.Contracts;
using Hutong.Contracts.Accounts;
using Hutong.Core.RateLimits;
using Hutong.Server.Hosting;
using Hutong.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

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

        var problem = await ProblemTests.AssertProblemAsync(limited, 429, ErrorCodes.RateLimited);
        var retryAfter = int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 600);
        // The body says the same, as every problem that asks for a wait does.
        Assert.Equal(retryAfter, problem.RetryAfter);
        app.Storage.Dispose();
    }

    [Fact]
    public async Task ManyRequestsAtOnce_WithinTheLimit_AllPass_ThoughTheNodeTakesPermitsASliceAtATime()
    {
        await using var app = await HutongApp.StartAsync(StorageProvider.Sqlite, cancellationToken: Ct);
        var limiter = app.Services.GetRequiredService<ClusterRateLimiter>();
        var limit = new RateLimit { PermitLimit = 64, Window = TimeSpan.FromMinutes(10) };

        // All 64 find the node holding no permits before the first answer comes back. Each asking the cluster for a slice
        // of eight, and believing its own answer, the ninth would hear the window's 64 were gone though this node held them.
        var answers = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => limiter.RefuseAsync("test", "at-once", limit)));
        var over = await limiter.RefuseAsync("test", "at-once", limit);

        Assert.All(answers, Assert.Null);
        Assert.Equal(ErrorCodes.RateLimited, over?.Code);
        app.Storage.Dispose();
    }

    [Theory, ProviderData]
    public async Task FailedLogins_ToOneAccount_FromManyAddresses_HoldBackThatAccountOnly_UntilTheWindowEnds(StorageProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        await using var app = await HutongApp.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Hutong:Security:FailedLoginsPerAccount"] = "3",
        }, clock, cancellationToken: Ct);
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");

        for (var i = 1; i <= 3; i++)
        {
            var wrong = await Assert.ThrowsAsync<HutongApiException>(() => From(app, $"10.0.0.{i}").LoginAsync(new LoginRequest(mei.Handle, "guess-" + i, null), Ct));
            Assert.Equal(ErrorCodes.InvalidCredentials, wrong.Code);
        }

        var held = await Assert.ThrowsAsync<HutongApiException>(() => From(app, "10.0.0.4").LoginAsync(new LoginRequest(mei.Handle, mei.Password, null), Ct));
        Assert.Equal((429, ErrorCodes.RateLimited, 900), (held.Status, held.Code, held.Problem!.RetryAfter));
        await From(app, "10.0.0.4").LoginAsync(new LoginRequest(lin.Handle, lin.Password, null), Ct);

        clock.Advance(TimeSpan.FromMinutes(15));
        await From(app, "10.0.0.5").LoginAsync(new LoginRequest(mei.Handle, mei.Password, null), Ct);
    }

    [Theory, ProviderData]
    public async Task FailedLogins_FromOneAddress_HoldBackThatAddressOnly_AndSuccessesNeverCount(StorageProvider provider)
    {
        await using var app = await HutongApp.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Hutong:Security:FailedLoginsPerAddress"] = "3",
        }, cancellationToken: Ct);
        var people = new List<TestUser>();
        for (var i = 0; i < 5; i++)
        {
            people.Add(await TestUser.CreateAsync(app, "p" + i));
        }

        // An office behind one address: many good sign-ins, then one person mistypes three times.
        foreach (var person in people)
        {
            await From(app, "192.0.2.7").LoginAsync(new LoginRequest(person.Handle, person.Password, null), Ct);
        }

        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<HutongApiException>(() => From(app, "192.0.2.7").LoginAsync(new LoginRequest(people[i].Handle, "typo-" + i, null), Ct));
        }

        var held = await Assert.ThrowsAsync<HutongApiException>(() => From(app, "192.0.2.7").LoginAsync(new LoginRequest(people[4].Handle, people[4].Password, null), Ct));
        Assert.Equal((429, ErrorCodes.RateLimited), (held.Status, held.Code));
        await From(app, "192.0.2.8").LoginAsync(new LoginRequest(people[4].Handle, people[4].Password, null), Ct);
    }

    /// <summary>A client whose requests reach the node from <paramref name="address"/>.</summary>
    private static HutongClient From(HutongApp app, string address)
    {
        var handler = app.Server.CreateHandler(http => http.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(address));
        return new HutongClient(new HttpClient(handler) { BaseAddress = app.Server.BaseAddress });
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

    [Fact]
    public async Task SignUps_BehindATrustedBalancer_CountPerClientAddress_AndAForwardedAddressFromAnyoneElseIsIgnored()
    {
        await using var app = await HutongApp.StartAsync(StorageProvider.Sqlite, new Dictionary<string, string?>
        {
            ["Hutong:RateLimits:SignUp:PermitLimit"] = "1",
            ["Hutong:Http:TrustedProxies:0"] = "10.1.0.0/16",
        }, cancellationToken: Ct);

        // Two people behind the balancer (loopback, always trusted, or the configured network): one allowance each.
        await Forwarded(app, "127.0.0.1", "198.51.100.1").SignUpAsync(NewAccount(), Ct);
        await Forwarded(app, "10.1.2.3", "198.51.100.2").SignUpAsync(NewAccount(), Ct);
        var again = await Assert.ThrowsAsync<HutongApiException>(() => Forwarded(app, "10.1.9.9", "198.51.100.1").SignUpAsync(NewAccount(), Ct));
        Assert.Equal((429, ErrorCodes.RateLimited), (again.Status, again.Code));

        // A client that is not a balancer cannot borrow someone else's address to get a fresh allowance.
        await Forwarded(app, "203.0.113.5", "198.51.100.3").SignUpAsync(NewAccount(), Ct);
        var spoofed = await Assert.ThrowsAsync<HutongApiException>(() => Forwarded(app, "203.0.113.5", "198.51.100.4").SignUpAsync(NewAccount(), Ct));
        Assert.Equal(429, spoofed.Status);
        app.Storage.Dispose();
    }

    [Fact]
    public async Task FriendRequests_OnTwoNodesOfOneCluster_DrawOnOneAllowance()
    {
        var settings = new Dictionary<string, string?> { ["Hutong:RateLimits:FriendRequests:PermitLimit"] = "2" };
        await using var first = await HutongApp.StartAsync(StorageProvider.Postgres, settings, cancellationToken: Ct);
        await using var second = HutongApp.Start(first.Storage, settings);
        var spammer = await TestUser.CreateAsync(first, "spammer");
        var onSecond = await spammer.NewDeviceAsync(second);
        var targets = new List<TestUser>();
        for (var i = 0; i < 3; i++)
        {
            targets.Add(await TestUser.CreateAsync(second, "target" + i));
        }

        await spammer.Client.SendFriendRequestAsync(targets[0].UserId, null, Ct);
        await onSecond.SendFriendRequestAsync(targets[1].UserId, null, Ct);
        var limited = await Assert.ThrowsAsync<HutongApiException>(() => onSecond.SendFriendRequestAsync(targets[2].UserId, null, Ct));

        Assert.Equal((429, ErrorCodes.RateLimited), (limited.Status, limited.Code));
        Assert.Empty((await targets[2].Client.GetFriendRequestsAsync(cancellationToken: Ct)).Requests);
    }

    private static SignUpRequest NewAccount() => new("rl_" + Guid.NewGuid().ToString("N")[..8], "good-password-1", "R");

    /// <summary>A client whose requests reach the node from <paramref name="proxy"/>, saying they came from <paramref name="client"/>.</summary>
    private static HutongClient Forwarded(HutongApp app, string proxy, string client)
    {
        var handler = app.Server.CreateHandler(http =>
        {
            http.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(proxy);
            http.Request.Headers["X-Forwarded-For"] = client;
        });
        return new HutongClient(new HttpClient(handler) { BaseAddress = app.Server.BaseAddress });
    }
}
