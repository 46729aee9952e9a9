using Hutong.Contracts;
using Hutong.Contracts.MiniPrograms;
using Hutong.Client;
using Hutong.MiniPrograms.Apps;
using Hutong.MiniPrograms.CloudStorage;
using Hutong.MiniPrograms.Tests.Server;
using Hutong.Server.Hosting;
using Hutong.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Hutong.MiniPrograms.Tests.CloudStorage.Games;
using static Hutong.MiniPrograms.Tests.Server.AppsTests;

namespace Hutong.MiniPrograms.Tests.CloudStorage;

/// <summary>A person's hosted data at a game: WeChat's limits, whole-or-nothing writes, and who may call.</summary>
public sealed class CloudStorageTests(MiniProgramServers servers) : IClassFixture<MiniProgramServers>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task HostedData_KeepsWhatIsSet_AndItsOwnerReadsIt(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var (_, appId, _) = await ReleasedAsync(servers, provider);
        var (_, otherAppId, _) = await ReleasedAsync(servers, provider);
        var person = await TestUser.CreateAsync(app, "player");
        var secondDevice = await person.NewDeviceAsync(app);

        await person.Client.SetCloudStorageAsync(appId, Items(("score", "10"), ("level", "3"), ("名字", "小林")), Ct);
        await secondDevice.SetCloudStorageAsync(appId, Items(("score", "12"), ("score", "15")), Ct);

        Assert.Equal(Items(("名字", "小林"), ("score", "15")), (await person.Client.GetCloudStorageAsync(appId, ["名字", "missing", "score", "名字"], Ct)).KVDataList);
        Assert.Equal(["level", "score", "名字"], (await secondDevice.GetCloudStorageKeysAsync(appId, Ct)).Keys);
        Assert.Empty((await person.Client.GetCloudStorageKeysAsync(otherAppId, Ct)).Keys);
        await person.Client.RemoveCloudStorageAsync(appId, ["level", "never-set"], Ct);
        Assert.Equal(["score", "名字"], (await person.Client.GetCloudStorageKeysAsync(appId, Ct)).Keys);
        Assert.Contains("\"KVDataList\":[{\"key\":\"score\",\"value\":\"15\"}]", await RawGetAsync(app, person, $"/api/v1/mini-programs/{appId}/cloud-storage?keys=score"), StringComparison.Ordinal);
    }

    [Theory, ProviderData]
    public async Task ABadItem_RefusesTheWholeCall_AndWritesNothing(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var (_, appId, _) = await ReleasedAsync(servers, provider);
        var person = await TestUser.CreateAsync(app, "player");
        await person.Client.SetCloudStorageAsync(appId, Items(("score", "1")), Ct);

        // Bytes count, not characters: é is two bytes in UTF-8, so 64 of them fill a key and one more letter is too many.
        var fullKey = new string('é', 64);
        await person.Client.SetCloudStorageAsync(appId, [new KVData(fullKey, new string('v', 1024 - 128))], Ct);
        await person.Client.SetCloudStorageAsync(appId, [new KVData("k", new string('v', 1023))], Ct);
        var bad = new (KVData Item, string Field)[]
        {
            (new KVData(fullKey + "x", "1"), "KVDataList[1].key"),
            (new KVData("", "1"), "KVDataList[1].key"),
            (new KVData("k", new string('v', 1024)), "KVDataList[1]"),
            (new KVData("k", "好" + new string('v', 1021)), "KVDataList[1]"),
            (new KVData("k\0", "1"), "KVDataList[1]"),
            (new KVData("k", null!), "KVDataList[1]"),
        };
        foreach (var (item, field) in bad)
        {
            var refused = await ExpectAsync(400, ErrorCodes.ValidationFailed, () => person.Client.SetCloudStorageAsync(appId, [new KVData("score", "2"), item], Ct));
            Assert.Equal([field], refused.Problem!.Errors!.Keys);
        }

        await ExpectAsync(400, ErrorCodes.ValidationFailed, () => person.Client.SetCloudStorageAsync(appId, [], Ct));
        await ExpectAsync(400, ErrorCodes.ValidationFailed, () => person.Client.GetCloudStorageAsync(appId, [], Ct));
        await ExpectAsync(400, ErrorCodes.ValidationFailed, () => person.Client.GetCloudStorageAsync(appId, [fullKey + "x"], Ct));
        await ExpectAsync(400, ErrorCodes.ValidationFailed, () => person.Client.RemoveCloudStorageAsync(appId, [""], Ct));
        Assert.Equal(Items(("score", "1")), (await person.Client.GetCloudStorageAsync(appId, ["score"], Ct)).KVDataList);
        Assert.Equal(3, (await person.Client.GetCloudStorageKeysAsync(appId, Ct)).Keys.Count);
    }

    [Theory, ProviderData]
    public async Task AGame_KeepsAtMost128KeysAPerson_AndACallPastThemWritesNothing(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var (_, appId, _) = await ReleasedAsync(servers, provider);
        var person = await TestUser.CreateAsync(app, "player");
        var other = await TestUser.CreateAsync(app, "other");

        await person.Client.SetCloudStorageAsync(appId, Numbered("k", 120), Ct);
        await ExpectAsync(409, ErrorCodes.CloudStorageFull, () => person.Client.SetCloudStorageAsync(appId, [new KVData("k0", "changed"), .. Numbered("k", 9, from: 120)], Ct));
        Assert.Equal(120, (await person.Client.GetCloudStorageKeysAsync(appId, Ct)).Keys.Count);
        Assert.Equal("0", Assert.Single((await person.Client.GetCloudStorageAsync(appId, ["k0"], Ct)).KVDataList).Value);

        await person.Client.SetCloudStorageAsync(appId, Numbered("k", 8, from: 120), Ct);
        await ExpectAsync(409, ErrorCodes.CloudStorageFull, () => person.Client.SetCloudStorageAsync(appId, Items(("k128", "x")), Ct));
        await person.Client.SetCloudStorageAsync(appId, Items(("k0", "overwriting counts no new key")), Ct);
        await person.Client.RemoveCloudStorageAsync(appId, ["k1"], Ct);
        await person.Client.SetCloudStorageAsync(appId, Items(("k128", "x")), Ct);
        Assert.Equal(128, (await person.Client.GetCloudStorageKeysAsync(appId, Ct)).Keys.Count);

        // The limit is each person's own, and one call of 129 new keys is refused as the 129th alone is.
        await ExpectAsync(409, ErrorCodes.CloudStorageFull, () => other.Client.SetCloudStorageAsync(appId, Numbered("k", 129), Ct));
        Assert.Empty((await other.Client.GetCloudStorageKeysAsync(appId, Ct)).Keys);
        await other.Client.SetCloudStorageAsync(appId, Numbered("k", 128), Ct);
    }

    [Theory, ProviderData]
    public async Task DevicesWritingAtOnce_CannotTakeAPersonPast128Keys(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var (_, appId, _) = await ReleasedAsync(servers, provider);
        var person = await TestUser.CreateAsync(app, "player");
        var devices = new List<HutongClient> { person.Client };
        for (var i = 1; i < 10; i++)
        {
            devices.Add(await person.NewDeviceAsync(app, $"device {i}"));
        }

        // Ten devices, 16 new keys each: 160 asked at once, and only 8 of the calls fit.
        var outcomes = await Task.WhenAll(devices.Select(async (device, i) =>
        {
            try
            {
                await device.SetCloudStorageAsync(appId, Numbered($"d{i}-", 16), Ct);
                return true;
            }
            catch (HutongApiException e) when (e.Status == 409 && e.Code == ErrorCodes.CloudStorageFull)
            {
                return false;
            }
        }));

        Assert.Equal(8, outcomes.Count(written => written));
        var keys = (await person.Client.GetCloudStorageKeysAsync(appId, Ct)).Keys;
        Assert.Equal(128, keys.Count);
        Assert.All(keys.GroupBy(k => k.Split('-')[0]), calls => Assert.Equal(16, calls.Count()));
    }

    [Theory, ProviderData]
    public async Task EveryEndpoint_AnswersOnlyASignedInPerson_AtAnAppTheyMayOpen(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var (dev, unreleased, _) = await MiniProgramServers.NewAppAsync(app);
        var (_, released, _) = await ReleasedAsync(servers, provider);
        var person = await TestUser.CreateAsync(app, "player");
        var signedOut = app.NewClient();
        var chat = Guid.NewGuid().ToString();
        Func<HutongClient, string, Task>[] calls =
        [
            (c, a) => c.SetCloudStorageAsync(a, Items(("score", "1")), Ct),
            (c, a) => c.RemoveCloudStorageAsync(a, ["score"], Ct),
            (c, a) => c.GetCloudStorageAsync(a, ["score"], Ct),
            (c, a) => c.GetCloudStorageKeysAsync(a, Ct),
            (c, a) => c.GetFriendCloudStorageAsync(a, ["score"], Ct),
            (c, a) => c.GetGroupCloudStorageAsync(a, "ticket", ["score"], Ct),
            (c, a) => c.GetShareTicketAsync(a, chat, 1, Ct),
            (c, a) => c.GetShareInfoAsync(a, "ticket", Ct),
        ];

        foreach (var call in calls)
        {
            await ExpectAsync(401, ErrorCodes.Unauthorized, () => call(signedOut, released));
            await ExpectAsync(404, ErrorCodes.MiniProgramNotFound, () => call(person.Client, unreleased));
            await ExpectAsync(404, ErrorCodes.MiniProgramNotFound, () => call(person.Client, "wx0000000000000000"));
        }

        // The developer opens their own app before its release, as every runtime call allows.
        await dev.Client.SetCloudStorageAsync(unreleased, Items(("score", "1")), Ct);
        Assert.Equal(["score"], (await dev.Client.GetCloudStorageKeysAsync(unreleased, Ct)).Keys);
    }

    [Theory, ProviderData]
    public async Task ADeletedAccount_TakesItsHostedDataWithIt(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var (_, appId, _) = await ReleasedAsync(servers, provider);
        var leaving = await TestUser.CreateAsync(app, "leaving");
        var staying = await TestUser.CreateAsync(app, "staying");
        await leaving.Client.SetCloudStorageAsync(appId, Items(("score", "1")), Ct);
        await staying.Client.SetCloudStorageAsync(appId, Items(("score", "2")), Ct);

        await leaving.Client.DeleteAccountAsync(TestUser.DefaultPassword, Ct);

        var appKey = (await app.Services.GetRequiredService<MiniProgramService>().FindAsync(appId, Ct))!.Id;
        var store = app.Services.GetRequiredService<ICloudStorageStore>();
        Assert.Empty(await store.KeysAsync(appKey, Guid.Parse(leaving.UserId), Ct));
        Assert.Equal(["score"], await store.KeysAsync(appKey, Guid.Parse(staying.UserId), Ct));
    }
}
