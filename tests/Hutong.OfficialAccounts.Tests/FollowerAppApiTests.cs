using System.Text.Json.Nodes;
using Hutong.Server.Hosting;
using Hutong.Testing;
using static Hutong.OfficialAccounts.Tests.AppApiKit;

namespace Hutong.OfficialAccounts.Tests;

/// <summary>Tags and remarks through the app API, with WeChat's answer shapes and errcodes, and one account's token kept to its own followers.</summary>
public sealed class FollowerAppApiTests(OfficialAccountServers servers) : IClassFixture<OfficialAccountServers>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task Tags_AreMadeListedRenamedAndDeleted_WithWeChatsCodes(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        using var http = app.CreateClient();
        var (account, token) = await owner.AccountWithTokenAsync(http);

        var created = await PostAsync(http, $"/cgi-bin/tags/create?access_token={token}", """{"tag":{"name":"广东"}}""");
        Assert.Equal((100, "广东"), ((int)created["tag"]!["id"]!, (string)created["tag"]!["name"]!));
        Assert.Null(created["errcode"]);
        Assert.Equal(45157, Code(await PostAsync(http, $"/cgi-bin/tags/create?access_token={token}", """{"tag":{"name":"广东"}}""")));
        Assert.Equal(45157, Code(await PostAsync(http, $"/cgi-bin/tags/create?access_token={token}", """{"tag":{"name":" "}}""")));
        // Thirty bytes is ten Chinese characters: the eleventh is one too many, as WeChat counts.
        Assert.Equal(0, Code(await PostAsync(http, $"/cgi-bin/tags/create?access_token={token}", """{"tag":{"name":"一二三四五六七八九十"}}""")));
        Assert.Equal(45158, Code(await PostAsync(http, $"/cgi-bin/tags/create?access_token={token}", """{"tag":{"name":"一二三四五六七八九十一"}}""")));
        Assert.Equal(45158, Code(await PostAsync(http, $"/cgi-bin/tags/create?access_token={token}", $$$"""{"tag":{"name":"{{{new string('a', 31)}}}"}}""")));

        var tags = (JsonArray)(await GetAsync(http, $"/cgi-bin/tags/get?access_token={token}"))["tags"]!;
        Assert.Equal(["100:广东:0", "101:一二三四五六七八九十:0"], tags.Select(t => $"{t!["id"]}:{t["name"]}:{t["count"]}"));

        Assert.Equal(0, Code(await PostAsync(http, $"/cgi-bin/tags/update?access_token={token}", """{"tag":{"id":100,"name":"广东人"}}""")));
        Assert.Equal(45157, Code(await PostAsync(http, $"/cgi-bin/tags/update?access_token={token}", """{"tag":{"id":101,"name":"广东人"}}""")));
        Assert.Equal(45158, Code(await PostAsync(http, $"/cgi-bin/tags/update?access_token={token}", """{"tag":{"id":101,"name":"一二三四五六七八九十一"}}""")));
        Assert.Equal(45058, Code(await PostAsync(http, $"/cgi-bin/tags/update?access_token={token}", """{"tag":{"id":2,"name":"星标组"}}""")));
        Assert.Equal(45159, Code(await PostAsync(http, $"/cgi-bin/tags/update?access_token={token}", """{"tag":{"id":999,"name":"无"}}""")));
        Assert.Equal(45058, Code(await PostAsync(http, $"/cgi-bin/tags/delete?access_token={token}", """{"tag":{"id":1}}""")));
        Assert.Equal(0, Code(await PostAsync(http, $"/cgi-bin/tags/delete?access_token={token}", """{"tag":{"id":101}}""")));
        Assert.Equal(45159, Code(await PostAsync(http, $"/cgi-bin/tags/delete?access_token={token}", """{"tag":{"id":101}}""")));

        // The studio sees what the API made, and the API what the studio made: one set of tags, one set of rules.
        Assert.Equal(["广东人"], (await owner.Client.GetFollowerTagsAsync(account.Id, Ct)).Tags.Select(t => t.Name));
        await Assert.ThrowsAsync<Hutong.Client.HutongApiException>(() => owner.Client.CreateFollowerTagAsync(account.Id, "一二三四五六七八九十一", Ct));
        for (var i = 1; i < 100; i++)
        {
            await owner.Client.CreateFollowerTagAsync(account.Id, $"tag {i}", Ct);
        }

        Assert.Equal(45056, Code(await PostAsync(http, $"/cgi-bin/tags/create?access_token={token}", """{"tag":{"name":"one more"}}""")));
    }

    [Theory, ProviderData]
    public async Task Tagging_PutsTagsOnFollowers_AllOrNone_AndShowsThemEverywhere(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");
        using var http = app.CreateClient();
        var (account, token) = await owner.AccountWithTokenAsync(http);
        var meiId = await owner.FollowedByAsync(account.Id, mei);
        var linId = await owner.FollowedByAsync(account.Id, lin);
        var tag = (int)(await PostAsync(http, $"/cgi-bin/tags/create?access_token={token}", """{"tag":{"name":"VIP"}}"""))["tag"]!["id"]!;

        Assert.Equal(0, Code(await PostAsync(http, $"/cgi-bin/tags/members/batchtagging?access_token={token}", $$"""{"openid_list":["{{meiId}}","{{linId}}"],"tagid":{{tag}}}""")));
        Assert.Equal([tag], ((JsonArray)(await PostAsync(http, $"/cgi-bin/tags/getidlist?access_token={token}", $$"""{"openid":"{{meiId}}"}"""))["tagid_list"]!).Select(t => (int)t!));
        var members = await PostAsync(http, $"/cgi-bin/user/tag/get?access_token={token}", $$"""{"tagid":{{tag}},"next_openid":""}""");
        Assert.Equal(2, (int)members["count"]!);
        var openIds = ((JsonArray)members["data"]!["openid"]!).Select(o => (string)o!).ToList();
        Assert.Equal(new[] { meiId, linId }.Order(StringComparer.Ordinal), openIds);
        Assert.Equal(openIds[^1], (string)members["next_openid"]!);
        var rest = await PostAsync(http, $"/cgi-bin/user/tag/get?access_token={token}", $$"""{"tagid":{{tag}},"next_openid":"{{openIds[0]}}"}""");
        Assert.Equal([openIds[1]], ((JsonArray)rest["data"]!["openid"]!).Select(o => (string)o!));
        Assert.Equal([tag], ((JsonArray)(await GetAsync(http, $"/cgi-bin/user/info?access_token={token}&openid={linId}"))["tagid_list"]!).Select(t => (int)t!));
        Assert.Equal([tag], (await owner.Client.GetFollowersAsync(account.Id, cancellationToken: Ct)).Followers.First(f => f.OpenId == meiId).TagIds);

        Assert.Equal(0, Code(await PostAsync(http, $"/cgi-bin/tags/members/batchuntagging?access_token={token}", $$"""{"openid_list":["{{linId}}"],"tagid":{{tag}}}""")));
        Assert.Empty((JsonArray)(await PostAsync(http, $"/cgi-bin/tags/getidlist?access_token={token}", $$"""{"openid":"{{linId}}"}"""))["tagid_list"]!);

        // Refusals leave everything as it was: a stranger's openid, an unknown tag, too many openids, too many tags on one follower.
        var fiftyOne = string.Join(',', Enumerable.Repeat($"\"{meiId}\"", 51));
        Assert.Equal(40032, Code(await PostAsync(http, $"/cgi-bin/tags/members/batchtagging?access_token={token}", $$"""{"openid_list":[{{fiftyOne}}],"tagid":{{tag}}}""")));
        Assert.Equal(40032, Code(await PostAsync(http, $"/cgi-bin/tags/members/batchtagging?access_token={token}", $$"""{"openid_list":[],"tagid":{{tag}}}""")));
        Assert.Equal(40003, Code(await PostAsync(http, $"/cgi-bin/tags/members/batchtagging?access_token={token}", $$"""{"openid_list":["{{linId}}","oNobody"],"tagid":{{tag}}}""")));
        Assert.Equal(45159, Code(await PostAsync(http, $"/cgi-bin/tags/members/batchtagging?access_token={token}", $$"""{"openid_list":["{{linId}}"],"tagid":999}""")));
        Assert.Equal(45159, Code(await PostAsync(http, $"/cgi-bin/user/tag/get?access_token={token}", """{"tagid":999}""")));
        Assert.Equal(40003, Code(await PostAsync(http, $"/cgi-bin/tags/getidlist?access_token={token}", """{"openid":"oNobody"}""")));
        Assert.Empty((JsonArray)(await PostAsync(http, $"/cgi-bin/tags/getidlist?access_token={token}", $$"""{"openid":"{{linId}}"}"""))["tagid_list"]!);

        for (var i = 1; i < 20; i++)
        {
            var more = (int)(await PostAsync(http, $"/cgi-bin/tags/create?access_token={token}", $$$"""{"tag":{"name":"T{{{i}}}"}}"""))["tag"]!["id"]!;
            Assert.Equal(0, Code(await PostAsync(http, $"/cgi-bin/tags/members/batchtagging?access_token={token}", $$"""{"openid_list":["{{meiId}}"],"tagid":{{more}}}""")));
        }

        var twentyFirst = (int)(await PostAsync(http, $"/cgi-bin/tags/create?access_token={token}", """{"tag":{"name":"T20"}}"""))["tag"]!["id"]!;
        Assert.Equal(45059, Code(await PostAsync(http, $"/cgi-bin/tags/members/batchtagging?access_token={token}", $$"""{"openid_list":["{{linId}}","{{meiId}}"],"tagid":{{twentyFirst}}}""")));
        Assert.Empty((JsonArray)(await PostAsync(http, $"/cgi-bin/tags/getidlist?access_token={token}", $$"""{"openid":"{{linId}}"}"""))["tagid_list"]!);
        Assert.Equal(20, ((JsonArray)(await PostAsync(http, $"/cgi-bin/tags/getidlist?access_token={token}", $$"""{"openid":"{{meiId}}"}"""))["tagid_list"]!).Count);
    }

    [Theory, ProviderData]
    public async Task Remarks_AreSetAndRead_OneAtATimeOrAHundred(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");
        using var http = app.CreateClient();
        var (account, token) = await owner.AccountWithTokenAsync(http);
        var meiId = await owner.FollowedByAsync(account.Id, mei);
        var linId = await owner.FollowedByAsync(account.Id, lin);

        Assert.Equal(0, Code(await PostAsync(http, $"/cgi-bin/user/info/updateremark?access_token={token}", $$"""{"openid":"{{meiId}}","remark":"pangzi"}""")));
        Assert.Equal("pangzi", (string)(await GetAsync(http, $"/cgi-bin/user/info?access_token={token}&openid={meiId}"))["remark"]!);
        Assert.Equal("pangzi", (await owner.Client.GetFollowersAsync(account.Id, cancellationToken: Ct)).Followers.First(f => f.OpenId == meiId).Remark);
        Assert.Equal(40092, Code(await PostAsync(http, $"/cgi-bin/user/info/updateremark?access_token={token}", $$"""{"openid":"{{meiId}}","remark":"{{new string('x', 31)}}"}""")));
        Assert.Equal(40003, Code(await PostAsync(http, $"/cgi-bin/user/info/updateremark?access_token={token}", """{"openid":"oNobody","remark":"who"}""")));

        var batch = await PostAsync(http, $"/cgi-bin/user/info/batchget?access_token={token}", $$"""{"user_list":[{"openid":"{{meiId}}","lang":"zh_CN"},{"openid":"{{linId}}"}]}""");
        var infos = ((JsonArray)batch["user_info_list"]!).Select(i => i!.AsObject()).ToList();
        Assert.Equal([(meiId, "pangzi", 1), (linId, "", 1)], infos.Select(i => ((string)i["openid"]!, (string)i["remark"]!, (int)i["subscribe"]!)));
        Assert.All(infos, i => Assert.IsType<JsonArray>(i["tagid_list"]));
        var hundredAndOne = string.Join(',', Enumerable.Repeat($$"""{"openid":"{{meiId}}"}""", 101));
        Assert.Equal(40032, Code(await PostAsync(http, $"/cgi-bin/user/info/batchget?access_token={token}", $$"""{"user_list":[{{hundredAndOne}}]}""")));
        Assert.Equal(40003, Code(await PostAsync(http, $"/cgi-bin/user/info/batchget?access_token={token}", $$"""{"user_list":[{"openid":"{{meiId}}"},{"openid":"oNobody"}]}""")));
    }

    [Theory, ProviderData]
    public async Task AnotherAccountsToken_NeitherSeesNorTagsItsFollowers(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var owner = await TestUser.CreateAsync(app, "owner");
        var rival = await TestUser.CreateAsync(app, "rival");
        var mei = await TestUser.CreateAsync(app, "mei");
        using var http = app.CreateClient();
        var (account, token) = await owner.AccountWithTokenAsync(http);
        var (_, rivalToken) = await rival.AccountWithTokenAsync(http, "Rival");
        var meiId = await owner.FollowedByAsync(account.Id, mei);
        var tag = (int)(await PostAsync(http, $"/cgi-bin/tags/create?access_token={token}", """{"tag":{"name":"VIP"}}"""))["tag"]!["id"]!;
        Assert.Equal(0, Code(await PostAsync(http, $"/cgi-bin/tags/members/batchtagging?access_token={token}", $$"""{"openid_list":["{{meiId}}"],"tagid":{{tag}}}""")));

        Assert.Empty((JsonArray)(await GetAsync(http, $"/cgi-bin/tags/get?access_token={rivalToken}"))["tags"]!);
        Assert.Equal(45159, Code(await PostAsync(http, $"/cgi-bin/user/tag/get?access_token={rivalToken}", $$"""{"tagid":{{tag}}}""")));
        Assert.Equal(45159, Code(await PostAsync(http, $"/cgi-bin/tags/update?access_token={rivalToken}", $$$"""{"tag":{"id":{{{tag}}},"name":"Mine"}}""")));
        Assert.Equal(45159, Code(await PostAsync(http, $"/cgi-bin/tags/delete?access_token={rivalToken}", $$$"""{"tag":{"id":{{{tag}}}}}""")));
        var rivalTag = (int)(await PostAsync(http, $"/cgi-bin/tags/create?access_token={rivalToken}", """{"tag":{"name":"Poached"}}"""))["tag"]!["id"]!;
        Assert.Equal(40003, Code(await PostAsync(http, $"/cgi-bin/tags/members/batchtagging?access_token={rivalToken}", $$"""{"openid_list":["{{meiId}}"],"tagid":{{rivalTag}}}""")));
        Assert.Equal(40003, Code(await PostAsync(http, $"/cgi-bin/tags/getidlist?access_token={rivalToken}", $$"""{"openid":"{{meiId}}"}""")));
        Assert.Equal(40003, Code(await PostAsync(http, $"/cgi-bin/user/info/updateremark?access_token={rivalToken}", $$"""{"openid":"{{meiId}}","remark":"mine"}""")));
        Assert.Equal(40003, Code(await PostAsync(http, $"/cgi-bin/user/info/batchget?access_token={rivalToken}", $$"""{"user_list":[{"openid":"{{meiId}}"}]}""")));

        var info = await GetAsync(http, $"/cgi-bin/user/info?access_token={token}&openid={meiId}");
        Assert.Equal("", (string)info["remark"]!);
        Assert.Equal([tag], ((JsonArray)info["tagid_list"]!).Select(t => (int)t!));
        Assert.Equal("VIP", (string)((JsonArray)(await GetAsync(http, $"/cgi-bin/tags/get?access_token={token}"))["tags"]!)[0]!["name"]!);
    }
}
