using Hutong.Accounts.Contacts;
using Hutong.Accounts.Identity;
using Hutong.Core.Errors;
using Hutong.Server.Hosting;
using Hutong.Storage.Accounts;
using Hutong.Storage.Contacts;
using Hutong.Testing;
using Microsoft.EntityFrameworkCore.Infrastructure;

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
        var accounts = new AccountStore(Contexts(database));
        var account = NewAccount("mei", "梅 🌸 Mei");

        Assert.True(await accounts.TryAddAsync(account, Ct));

        Assert.Equal(account, await accounts.FindAsync(account.Id, Ct));
        Assert.Equal(account, await accounts.FindByHandleAsync("mei", Ct));
    }

    [Theory, ProviderData]
    public async Task Account_SameHandleTwice_SecondIsRefusedAndTheFirstKept(StorageProvider provider)
    {
        await using var database = await StorageDatabase.CreateAsync(provider);
        var first = NewAccount("lin", "Lin");
        var accounts = new AccountStore(Contexts(database));

        Assert.True(await accounts.TryAddAsync(first, Ct));
        Assert.False(await accounts.TryAddAsync(NewAccount("lin", "Impostor"), Ct));

        Assert.Equal("Lin", (await accounts.FindByHandleAsync("lin", Ct))!.DisplayName);
    }

    [Theory, ProviderData]
    public async Task Atomically_WhenTheWorkFails_WritesNothing(StorageProvider provider)
    {
        await using var database = await StorageDatabase.CreateAsync(provider);
        var contexts = Contexts(database);
        var (a, b) = await AddTwoAccountsAsync(contexts);
        var contacts = new ContactStore(contexts);
        var seenInside = -1;

        var result = await contacts.AtomicallyAsync<Done>(a.Id, b.Id, async changes =>
        {
            await changes.AddFriendshipAsync(a.Id, b.Id, Now, Ct);
            await changes.AddBlockAsync(a.Id, b.Id, Now, Ct);
            seenInside = await changes.CountFriendsAsync(a.Id, Ct);
            return new Error("test_failure", 409, "Changed my mind.");
        }, Ct);

        Assert.False(result.IsSuccess);
        Assert.Equal(1, seenInside);
        Assert.Null(await contacts.FindFriendAsync(a.Id, b.Id, Ct));
        Assert.Empty(await contacts.ListBlocksAsync(a.Id, Ct));
    }

    [Theory, ProviderData]
    public async Task Relationship_SeesOnlyOpenRequests_AndBlocksFromBothSides(StorageProvider provider)
    {
        await using var database = await StorageDatabase.CreateAsync(provider);
        var contexts = Contexts(database);
        var (a, b) = await AddTwoAccountsAsync(contexts);
        var contacts = new ContactStore(contexts);
        var expired = new FriendRequest(Guid.CreateVersion7(), a.Id, b.Id, "old", FriendRequestState.Pending, Now.AddDays(-31), Now.AddDays(-1), null);
        var open = new FriendRequest(Guid.CreateVersion7(), b.Id, a.Id, "new", FriendRequestState.Pending, Now, Now.AddDays(30), null);
        await ChangeAsync(contacts, a, b, async changes =>
        {
            await changes.AddRequestAsync(expired, Ct);
            await changes.AddRequestAsync(open, Ct);
            await changes.AddBlockAsync(b.Id, a.Id, Now, Ct);
        });

        var fromA = await contacts.GetRelationshipAsync(a.Id, b.Id, Now, Ct);

        Assert.Null(fromA.OpenFromMe);
        Assert.Equal(open, fromA.OpenFromThem);
        Assert.Equal((false, false, true), (fromA.Friends, fromA.IBlockedThem, fromA.TheyBlockedMe));
    }

    [Theory, ProviderData]
    public async Task Friendship_TagsAndRemark_RoundTrip(StorageProvider provider)
    {
        await using var database = await StorageDatabase.CreateAsync(provider);
        var contexts = Contexts(database);
        var (a, b) = await AddTwoAccountsAsync(contexts);
        var contacts = new ContactStore(contexts);
        await ChangeAsync(contacts, a, b, changes => changes.AddFriendshipAsync(a.Id, b.Id, Now, Ct));

        var (friendship, _) = (await contacts.FindFriendAsync(a.Id, b.Id, Ct))!.Value;
        await ChangeAsync(contacts, a, a, changes => changes.UpdateFriendshipAsync(friendship with { Remark = "老同学", Tags = ["大学", "basketball"], ChatOnly = true }, Ct));

        var reader = new ContactStore(Contexts(database));
        var (reread, card) = (await reader.FindFriendAsync(a.Id, b.Id, Ct))!.Value;
        Assert.Equal(("老同学", true, Now), (reread.Remark, reread.ChatOnly, reread.Since));
        Assert.Equal(["大学", "basketball"], reread.Tags);
        Assert.Equal(b.Handle, card.Handle);
        Assert.Equal((null, false), ((await reader.FindFriendAsync(b.Id, a.Id, Ct))!.Value.Friendship.Remark, false));
    }

    [Theory, ProviderData]
    public async Task FriendsNotBlocking_LeavesOutStrangersAndFriendsWhoBlock(StorageProvider provider)
    {
        await using var database = await StorageDatabase.CreateAsync(provider);
        var contexts = Contexts(database);
        var accounts = new AccountStore(contexts);
        var contacts = new ContactStore(contexts);
        var (me, friend) = await AddTwoAccountsAsync(contexts);
        var (blocker, stranger) = (NewAccount("c_user", "C"), NewAccount("d_user", "D"));
        Assert.True(await accounts.TryAddAsync(blocker, Ct));
        Assert.True(await accounts.TryAddAsync(stranger, Ct));
        await ChangeAsync(contacts, me, friend, changes => changes.AddFriendshipAsync(me.Id, friend.Id, Now, Ct));
        await ChangeAsync(contacts, me, blocker, async changes =>
        {
            await changes.AddFriendshipAsync(me.Id, blocker.Id, Now, Ct);
            await changes.AddBlockAsync(blocker.Id, me.Id, Now, Ct);
        });
        // A block the other way does not keep a friend out of the actor's groups: it is the actor's own choice.
        await ChangeAsync(contacts, me, friend, changes => changes.AddBlockAsync(me.Id, friend.Id, Now, Ct));

        var welcoming = await contacts.FriendsNotBlockingAsync(me.Id, [friend.Id, blocker.Id, stranger.Id], Ct);

        Assert.Equal(friend.Id, Assert.Single(welcoming));
        Assert.Empty(await contacts.FriendsNotBlockingAsync(me.Id, [], Ct));
    }

    private static PooledDbContextFactory<HutongDbContext> Contexts(StorageDatabase database) => new(database.Options);

    private static async Task<(Account A, Account B)> AddTwoAccountsAsync(PooledDbContextFactory<HutongDbContext> contexts)
    {
        var (a, b) = (NewAccount("a_user", "A"), NewAccount("b_user", "B"));
        var accounts = new AccountStore(contexts);
        Assert.True(await accounts.TryAddAsync(a, Ct));
        Assert.True(await accounts.TryAddAsync(b, Ct));
        return (a, b);
    }

    /// <summary>Arranges contacts as a service would write them: in one committed change.</summary>
    private static async Task ChangeAsync(ContactStore contacts, Account a, Account b, Func<IContactChanges, Task> change)
    {
        var result = await contacts.AtomicallyAsync<Done>(a.Id, b.Id, async changes =>
        {
            await change(changes);
            return Done.Value;
        }, Ct);
        Assert.True(result.IsSuccess);
    }

    private static Account NewAccount(string handle, string name) =>
        new(Guid.CreateVersion7(), handle, name, null, "pbkdf2-sha256$10000$c2FsdA==$aGFzaA==", Now);
}
