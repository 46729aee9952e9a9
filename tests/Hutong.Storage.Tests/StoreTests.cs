using Hutong.Accounts.Contacts;
using Hutong.Accounts.Identity;
using Hutong.Core.Errors;
using Hutong.Server.Hosting;
using Hutong.Storage.Accounts;
using Hutong.Storage.Contacts;
using Hutong.Testing;

namespace Hutong.Storage.Tests;

/// <summary>The storage ports on both providers, without a server: what features rely on them to guarantee.</summary>
public sealed class StoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 30, 15, 123, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task Account_RoundTripsUnicodeAndTimeExactly(StorageProvider provider)
    {
        await using var database = await StorageDatabase.CreateAsync(provider);
        var account = NewAccount("mei", "梅 🌸 Mei");

        await using (var db = database.NewContext())
        {
            Assert.True(await new AccountStore(db).TryAddAsync(account, Ct));
        }

        await using var reader = database.NewContext();
        Assert.Equal(account, await new AccountStore(reader).FindAsync(account.Id, Ct));
        Assert.Equal(account, await new AccountStore(reader).FindByHandleAsync("mei", Ct));
    }

    [Theory, ProviderData]
    public async Task Account_SameHandleTwice_SecondIsRefusedAndTheFirstKept(StorageProvider provider)
    {
        await using var database = await StorageDatabase.CreateAsync(provider);
        var first = NewAccount("lin", "Lin");
        await using var db = database.NewContext();

        Assert.True(await new AccountStore(db).TryAddAsync(first, Ct));
        Assert.False(await new AccountStore(db).TryAddAsync(NewAccount("lin", "Impostor"), Ct));

        Assert.Equal("Lin", (await new AccountStore(db).FindByHandleAsync("lin", Ct))!.DisplayName);
    }

    [Theory, ProviderData]
    public async Task Atomically_WhenTheWorkFails_WritesNothing(StorageProvider provider)
    {
        await using var database = await StorageDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        var (a, b) = await AddTwoAccountsAsync(db);
        var contacts = new ContactStore(db);

        var result = await contacts.AtomicallyAsync<Done>(a.Id, b.Id, async () =>
        {
            await contacts.AddFriendshipAsync(a.Id, b.Id, Now, Ct);
            await contacts.AddBlockAsync(a.Id, b.Id, Now, Ct);
            return new Error("test_failure", 409, "Changed my mind.");
        }, Ct);

        Assert.False(result.IsSuccess);
        Assert.Equal(0, await contacts.CountFriendsAsync(a.Id, Ct));
        Assert.Empty(await contacts.ListBlocksAsync(a.Id, Ct));
    }

    [Theory, ProviderData]
    public async Task Relationship_SeesOnlyOpenRequests_AndBlocksFromBothSides(StorageProvider provider)
    {
        await using var database = await StorageDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        var (a, b) = await AddTwoAccountsAsync(db);
        var contacts = new ContactStore(db);
        var expired = new FriendRequest(Guid.CreateVersion7(), a.Id, b.Id, "old", FriendRequestState.Pending, Now.AddDays(-31), Now.AddDays(-1), null);
        var open = new FriendRequest(Guid.CreateVersion7(), b.Id, a.Id, "new", FriendRequestState.Pending, Now, Now.AddDays(30), null);
        await contacts.AddRequestAsync(expired, Ct);
        await contacts.AddRequestAsync(open, Ct);
        await contacts.AddBlockAsync(b.Id, a.Id, Now, Ct);

        var fromA = await contacts.GetRelationshipAsync(a.Id, b.Id, Now, Ct);

        Assert.Null(fromA.OpenFromMe);
        Assert.Equal(open, fromA.OpenFromThem);
        Assert.Equal((false, false, true), (fromA.Friends, fromA.IBlockedThem, fromA.TheyBlockedMe));
    }

    [Theory, ProviderData]
    public async Task Friendship_TagsAndRemark_RoundTrip(StorageProvider provider)
    {
        await using var database = await StorageDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        var (a, b) = await AddTwoAccountsAsync(db);
        var contacts = new ContactStore(db);
        await contacts.AddFriendshipAsync(a.Id, b.Id, Now, Ct);

        var (friendship, _) = (await contacts.FindFriendAsync(a.Id, b.Id, Ct))!.Value;
        await contacts.UpdateFriendshipAsync(friendship with { Remark = "老同学", Tags = ["大学", "basketball"], ChatOnly = true }, Ct);

        await using var reader = database.NewContext();
        var (reread, card) = (await new ContactStore(reader).FindFriendAsync(a.Id, b.Id, Ct))!.Value;
        Assert.Equal(("老同学", true, Now), (reread.Remark, reread.ChatOnly, reread.Since));
        Assert.Equal(["大学", "basketball"], reread.Tags);
        Assert.Equal(b.Handle, card.Handle);
        Assert.Equal((null, false), ((await new ContactStore(reader).FindFriendAsync(b.Id, a.Id, Ct))!.Value.Friendship.Remark, false));
    }

    private static async Task<(Account A, Account B)> AddTwoAccountsAsync(HutongDbContext db)
    {
        var (a, b) = (NewAccount("a_user", "A"), NewAccount("b_user", "B"));
        Assert.True(await new AccountStore(db).TryAddAsync(a, Ct));
        Assert.True(await new AccountStore(db).TryAddAsync(b, Ct));
        return (a, b);
    }

    private static Account NewAccount(string handle, string name) =>
        new(Guid.CreateVersion7(), handle, name, null, "pbkdf2-sha256$10000$c2FsdA==$aGFzaA==", Now);
}
