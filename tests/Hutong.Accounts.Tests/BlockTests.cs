using Hutong.Client;
using Hutong.Contracts;
using Hutong.Contracts.Contacts;
using Hutong.Server.Hosting;
using Hutong.Testing;

namespace Hutong.Accounts.Tests;

public sealed class BlockTests(ServerFixture servers) : IClassFixture<ServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task Block_DeclinesTheirOpenRequest_AndListsThem(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");
        var pest = await TestUser.CreateAsync(app, "pest");
        var sent = await pest.Client.SendFriendRequestAsync(mei.UserId, "hey", Ct);

        await mei.Client.BlockAsync(pest.UserId, Ct);
        await mei.Client.BlockAsync(pest.UserId, Ct);

        Assert.Equal(FriendRequestStates.Declined, Assert.Single((await mei.Client.GetFriendRequestsAsync(cancellationToken: Ct)).Requests).State);
        var blocked = Assert.Single((await mei.Client.GetBlocksAsync(Ct)).Blocked);
        Assert.Equal(pest.UserId, blocked.UserId);
        Assert.Empty((await pest.Client.GetBlocksAsync(Ct)).Blocked);
        var error = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.AcceptFriendRequestAsync(sent.RequestId, Ct));
        Assert.Equal(ErrorCodes.RequestNotPending, error.Code);
    }

    [Theory, ProviderData]
    public async Task Unblock_LetsThemAskAgain(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");
        await mei.Client.BlockAsync(lin.UserId, Ct);

        await mei.Client.UnblockAsync(lin.UserId, Ct);

        await lin.BefriendAsync(mei);
        Assert.Empty((await mei.Client.GetBlocksAsync(Ct)).Blocked);
        Assert.Single((await mei.Client.GetFriendsAsync(cancellationToken: Ct)).Friends);
    }

    [Theory, ProviderData]
    public async Task Block_KeepsAnExistingFriendship(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");
        await mei.BefriendAsync(lin);

        await mei.Client.BlockAsync(lin.UserId, Ct);

        Assert.Equal(lin.UserId, Assert.Single((await mei.Client.GetFriendsAsync(cancellationToken: Ct)).Friends).UserId);
    }

    [Theory, ProviderData]
    public async Task Block_AfterSendingARequest_ItCanNoLongerBeAccepted(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");
        var sent = await mei.Client.SendFriendRequestAsync(lin.UserId, null, Ct);

        await mei.Client.BlockAsync(lin.UserId, Ct);

        var error = await Assert.ThrowsAsync<HutongApiException>(() => lin.Client.AcceptFriendRequestAsync(sent.RequestId, Ct));
        Assert.Equal((403, ErrorCodes.RequestRefused), (error.Status, error.Code));
        Assert.Empty((await lin.Client.GetFriendsAsync(cancellationToken: Ct)).Friends);
    }

    [Theory, ProviderData]
    public async Task Block_SelfOrUnknown_Is4xx(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");

        var self = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.BlockAsync(mei.UserId, Ct));
        var unknown = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.BlockAsync(Guid.NewGuid().ToString(), Ct));

        Assert.Equal((400, ErrorCodes.CannotBlockSelf), (self.Status, self.Code));
        Assert.Equal((404, ErrorCodes.UserNotFound), (unknown.Status, unknown.Code));
        Assert.Empty((await mei.Client.GetBlocksAsync(Ct)).Blocked);
    }
}
