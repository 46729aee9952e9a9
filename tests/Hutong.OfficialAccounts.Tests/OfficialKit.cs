using Hutong.Client;
using Hutong.Contracts.Events;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Testing;

namespace Hutong.OfficialAccounts.Tests;

/// <summary>Accounts, followers and gateway waits for these tests, each wait bounded by <see cref="Eventually.Patience"/>.</summary>
internal static class OfficialKit
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<OfficialAccountInfo> NewAccountAsync(this TestUser owner, string kind = OfficialAccountKinds.Subscription, string name = "Tea House") =>
        (await owner.Client.CreateOfficialAccountAsync(new CreateOfficialAccountRequest(name, kind), Ct)).Account;

    /// <summary>The follower follows the account; returns the openid the account knows them by (the one that came).</summary>
    public static async Task<string> FollowedByAsync(this TestUser owner, string accountId, TestUser follower, FollowRequest? request = null)
    {
        var before = await OpenIdsAsync(owner, accountId);
        await follower.Client.FollowAsync(accountId, request, Ct);
        return Assert.Single((await OpenIdsAsync(owner, accountId)).Except(before));
    }

    private static async Task<HashSet<string>> OpenIdsAsync(TestUser owner, string accountId) =>
        (await owner.Client.GetFollowersAsync(accountId, limit: 200, cancellationToken: Ct)).Followers.Select(f => f.OpenId).ToHashSet(StringComparer.Ordinal);

    public static async Task<HutongGateway> ConnectAsync(this HutongApp app, HutongClient client)
    {
        var gateway = app.NewGateway(client);
        await gateway.ConnectAsync(cancellationToken: Ct).WaitAsync(Eventually.Patience, Ct);
        return gateway;
    }

    /// <summary>The next thread item pushed to the device that matches; what comes before it is passed over.</summary>
    public static async Task<AccountMessageEvent> NextAccountMessageAsync(this HutongGateway gateway, Func<AccountMessageEvent, bool> matches, string awaited) =>
        (AccountMessageEvent)await Eventually.ReadAsync(HutongApp.Delivered(gateway), f => f is AccountMessageEvent e && matches(e), awaited);
}
