using Hutong.Client;
using Hutong.Contracts.Accounts;

namespace Hutong.Bench;

/// <summary>
/// Who takes part. On Hutong everyone is made through the public API (sign-up, friend request, accept, conversation);
/// the relay keeps no accounts, so there a token is a user id and a conversation is just a name.
/// </summary>
internal static class Seeding
{
    private const string Password = "bench-password-1";

    /// <summary>
    /// Sign-ups and logins in flight at once. Each commits on its own, and SQLite takes one writer at a time: more in
    /// flight only collide and back off (measured here: 8 seeds about twice as fast as 32).
    /// </summary>
    private const int SeedingConcurrency = 8;

    /// <summary>A signed-in account while seeding; it becomes a <see cref="Person"/> once it has its conversation.</summary>
    internal sealed record Account(HutongClient Client, string UserId)
    {
        public Person In(string conversationId, bool sends) =>
            new(UserId, sends, ct => GatewaySession.ConnectAsync(Client, UserId, conversationId, ct));
    }

    public static async Task<List<Person>> HutongPairsAsync(IHttpTarget target, int pairs, CancellationToken cancellationToken)
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var people = new List<Person>();
        foreach (var batch in Enumerable.Range(0, pairs).Chunk(32))
        {
            var seeded = await Task.WhenAll(batch.Select(async i =>
            {
                var a = await SignUpAsync(target, $"b{run}a{i}", cancellationToken);
                var b = await SignUpAsync(target, $"b{run}b{i}", cancellationToken);
                await BefriendAsync(a, b, cancellationToken);
                var conversation = (await a.Client.OpenDirectAsync(b.UserId, cancellationToken)).ConversationId;
                return new[] { a.In(conversation, true), b.In(conversation, true) };
            }));
            people.AddRange(seeded.SelectMany(p => p));
        }

        return people;
    }

    /// <summary>Groups of <paramref name="size"/> made by an owner from friends; the first <paramref name="senders"/> of each send.</summary>
    public static async Task<List<Person>> HutongGroupsAsync(IHttpTarget target, int groups, int size, int senders, CancellationToken cancellationToken)
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var people = new List<Person>();
        for (var g = 0; g < groups; g++)
        {
            var owner = await SignUpAsync(target, $"g{run}o{g}", cancellationToken);
            var members = new List<Account>();
            foreach (var batch in Enumerable.Range(1, size - 1).Chunk(32))
            {
                members.AddRange(await Task.WhenAll(batch.Select(async i =>
                {
                    var member = await SignUpAsync(target, $"g{run}g{g}m{i}", cancellationToken);
                    await BefriendAsync(member, owner, cancellationToken);
                    return member;
                })));
            }

            var conversation = (await owner.Client.CreateGroupAsync($"bench {g}", [.. members.Select(m => m.UserId)], cancellationToken)).ConversationId;
            people.AddRange(members.Prepend(owner).Select((a, i) => a.In(conversation, i < senders)));
        }

        return people;
    }

    /// <summary>
    /// People who sign up and log in, one device (session token) each, and nothing more; every call goes through the
    /// one shared <paramref name="http"/> client.
    /// </summary>
    public static async Task<List<Account>> HutongPeopleAsync(IHttpTarget target, HttpClient http, int count, CancellationToken cancellationToken)
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var people = new Account[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = SeedingConcurrency, CancellationToken = cancellationToken }, async (i, ct) =>
            people[i] = await SignUpAsync(target, $"i{run}p{i}", ct, http));
        return [.. people];
    }

    /// <summary>Pairs of friends, each pair in its direct conversation, as <see cref="HutongPairsAsync"/> makes them, through one shared HTTP client.</summary>
    public static async Task<List<(Account A, Account B, string ConversationId)>> HutongPairAccountsAsync(IHttpTarget target, HttpClient http, int pairs, CancellationToken cancellationToken)
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var seeded = new (Account, Account, string)[pairs];
        await Parallel.ForEachAsync(Enumerable.Range(0, pairs), new ParallelOptions { MaxDegreeOfParallelism = SeedingConcurrency, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var a = await SignUpAsync(target, $"r{run}a{i}", ct, http);
            var b = await SignUpAsync(target, $"r{run}b{i}", ct, http);
            await BefriendAsync(a, b, ct);
            seeded[i] = (a, b, (await a.Client.OpenDirectAsync(b.UserId, ct)).ConversationId);
        });
        return [.. seeded];
    }

    /// <summary>
    /// One person and <paramref name="friends"/> friends of theirs, each friend signed up and logged in with a device of
    /// their own; every friend asks and the person accepts. Returns the person's handle too, for more devices later.
    /// </summary>
    public static async Task<(Account Person, string Handle, Account[] Friends)> HutongCircleAsync(IHttpTarget target, HttpClient http, int friends, CancellationToken cancellationToken)
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var handle = $"m{run}p";
        var person = await SignUpAsync(target, handle, cancellationToken, http);
        var seeded = new Account[friends];
        await Parallel.ForEachAsync(Enumerable.Range(0, friends), new ParallelOptions { MaxDegreeOfParallelism = SeedingConcurrency, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var friend = await SignUpAsync(target, $"m{run}f{i}", ct, http);
            await BefriendAsync(friend, person, ct);
            seeded[i] = friend;
        });
        return (person, handle, seeded);
    }

    /// <summary>More devices of one person: each a login of its own (its own session token) through the shared <paramref name="http"/> client.</summary>
    public static async Task<HutongClient[]> HutongDevicesAsync(HttpClient http, string handle, int count, CancellationToken cancellationToken)
    {
        var devices = new HutongClient[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = SeedingConcurrency, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var client = new HutongClient(http);
            await client.LoginAsync(new LoginRequest(handle, Password, $"bench {i}"), ct);
            devices[i] = client;
        });
        return devices;
    }

    public static List<Person> RelayPairs(Target target, int pairs) =>
        Enumerable.Range(0, pairs).SelectMany(i => new[] { Relayed(target, $"a{i}", $"pair{i}", true), Relayed(target, $"b{i}", $"pair{i}", true) }).ToList();

    public static List<Person> RelayGroups(Target target, int groups, int size, int senders) =>
        Enumerable.Range(0, groups).SelectMany(g => Enumerable.Range(0, size).Select(i => Relayed(target, $"g{g}m{i}", $"group{g}", i < senders))).ToList();

    private static Person Relayed(Target target, string user, string conversationId, bool sends) =>
        new Account(new HutongClient(new HttpClient { BaseAddress = target.BaseAddress }) { Token = user }, user).In(conversationId, sends);

    /// <summary>One person, signed up and logged in through <paramref name="http"/>.</summary>
    public static Task<Account> HutongPersonAsync(IHttpTarget target, HttpClient http, string handle, CancellationToken cancellationToken) =>
        SignUpAsync(target, handle, cancellationToken, http);

    private static async Task<Account> SignUpAsync(IHttpTarget target, string handle, CancellationToken cancellationToken, HttpClient? http = null)
    {
        var client = new HutongClient(http ?? new HttpClient { BaseAddress = target.BaseAddress });
        var account = await client.SignUpAsync(new SignUpRequest(handle, Password, handle), cancellationToken);
        await client.LoginAsync(new LoginRequest(handle, Password, "bench"), cancellationToken);
        return new Account(client, account.UserId);
    }

    private static async Task BefriendAsync(Account a, Account b, CancellationToken cancellationToken)
    {
        var request = await a.Client.SendFriendRequestAsync(b.UserId, null, cancellationToken);
        await b.Client.AcceptFriendRequestAsync(request.RequestId, cancellationToken);
    }
}
