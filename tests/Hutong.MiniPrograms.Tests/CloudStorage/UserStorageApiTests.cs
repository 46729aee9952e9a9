using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Hutong.MiniPrograms.Tests.Server;
using Hutong.Server.Hosting;
using Hutong.Testing;
using static Hutong.MiniPrograms.Tests.CloudStorage.Games;

namespace Hutong.MiniPrograms.Tests.CloudStorage;

/// <summary>
/// The game's server writing hosted data as WeChat's does: <c>/wxa/set_user_storage</c>, <c>remove_user_storage</c>
/// and <c>checksession</c>, each signed with the person's session key over the body.
/// </summary>
public sealed class UserStorageApiTests(MiniProgramServers servers) : IClassFixture<MiniProgramServers>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void TheSignature_IsWeChatsExample()
    {
        // WeChat's documented example: hmac_sha256('{"foo":"bar"}', 'o0q0otL8aEzpcZL/FT9WsQ==').
        Assert.Equal("654571f79995b2ce1e149e53c0a33dc39c0a74090db514261454e8dbe432aa0b", Sign("""{"foo":"bar"}""", "o0q0otL8aEzpcZL/FT9WsQ=="));
    }

    [Theory, ProviderData]
    public async Task SetAndRemove_SignedWithTheSessionKey_WriteThePersonsHostedData(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var (_, appId, secret) = await ReleasedAsync(servers, provider);
        var person = await TestUser.CreateAsync(app, "player", "Player");
        var friend = await TestUser.CreateAsync(app, "friend");
        await person.BefriendAsync(friend);
        var (openId, sessionKey) = await LoginAsync(app, person, appId, secret);
        using var http = app.CreateClient();
        var token = await TokenAsync(http, appId, secret);

        var set = """{"kv_list":[{"key":"score","value":"{\"wxgame\":{\"score\":16}}"},{"key":"gold","value":"3000"}]}""";
        Assert.Equal((0, "ok"), await PostAsync(http, "set_user_storage", token, openId, Sign(set, sessionKey), set));

        Assert.Equal(Items(("gold", "3000"), ("score", """{"wxgame":{"score":16}}""")), (await person.Client.GetCloudStorageAsync(appId, ["gold", "score"], Ct)).KVDataList);
        Assert.Equal("3000", (await friend.Client.GetFriendCloudStorageAsync(appId, ["gold"], Ct)).Data.Single(d => d.Nickname == "Player").KVDataList.Single().Value);

        var remove = """{"key":["gold","never-set"]}""";
        Assert.Equal((0, "ok"), await PostAsync(http, "remove_user_storage", token, openId, Sign(remove, sessionKey), remove));
        Assert.Equal(["score"], (await person.Client.GetCloudStorageKeysAsync(appId, Ct)).Keys);
    }

    [Theory, ProviderData]
    public async Task ACallWithoutTheRightSignatureOrPerson_IsRefusedAsWeChatRefusesIt_AndWritesNothing(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var (_, appId, secret) = await ReleasedAsync(servers, provider);
        var (_, otherAppId, otherSecret) = await ReleasedAsync(servers, provider);
        var person = await TestUser.CreateAsync(app, "player");
        var (openId, oldKey) = await LoginAsync(app, person, appId, secret);
        var (_, sessionKey) = await LoginAsync(app, person, appId, secret);
        var (otherOpenId, otherKey) = await LoginAsync(app, person, otherAppId, otherSecret);
        using var http = app.CreateClient();
        var token = await TokenAsync(http, appId, secret);
        var body = """{"kv_list":[{"key":"score","value":"1"}]}""";

        Assert.Equal(87009, (await PostAsync(http, "set_user_storage", token, openId, Sign(body, oldKey), body)).Code);
        Assert.Equal(87009, (await PostAsync(http, "set_user_storage", token, openId, Sign(body, sessionKey), body.Replace("1", "2", StringComparison.Ordinal))).Code);
        Assert.Equal(87009, (await PostAsync(http, "set_user_storage", token, openId, Sign(body, sessionKey), body, "hmac_sha1")).Code);
        Assert.Equal(87009, (await PostAsync(http, "set_user_storage", token, openId, null, body)).Code);
        Assert.Equal(40003, (await PostAsync(http, "set_user_storage", token, otherOpenId, Sign(body, otherKey), body)).Code);
        Assert.Equal(40003, (await PostAsync(http, "set_user_storage", token, "o" + new string('x', 27), Sign(body, sessionKey), body)).Code);
        Assert.Equal(40001, (await PostAsync(http, "set_user_storage", "mp-not-a-token", openId, Sign(body, sessionKey), body)).Code);
        Assert.Equal(41001, (await PostAsync(http, "set_user_storage", "", openId, Sign(body, sessionKey), body)).Code);
        Assert.Equal(47001, (await PostAsync(http, "set_user_storage", token, openId, Sign("[1]", sessionKey), "[1]")).Code);
        Assert.Equal(47001, (await PostAsync(http, "set_user_storage", token, openId, Sign("""{"kv_list":[{"key":"a","value":1}]}""", sessionKey), """{"kv_list":[{"key":"a","value":1}]}""")).Code);
        Assert.Equal(44002, (await PostAsync(http, "set_user_storage", token, openId, Sign("", sessionKey), "")).Code);

        Assert.Empty((await person.Client.GetCloudStorageKeysAsync(appId, Ct)).Keys);
        Assert.Equal((0, "ok"), await CheckSessionAsync(http, token, openId, Sign("", sessionKey)));
        Assert.Equal(87009, (await CheckSessionAsync(http, token, openId, Sign("", oldKey))).Code);
    }

    [Theory, ProviderData]
    public async Task ItemsPastWeChatsLimits_AreRefusedWithItsCodes_AndNothingIsWritten(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var (_, appId, secret) = await ReleasedAsync(servers, provider);
        var person = await TestUser.CreateAsync(app, "player");
        var (openId, sessionKey) = await LoginAsync(app, person, appId, secret);
        using var http = app.CreateClient();
        var token = await TokenAsync(http, appId, secret);
        await person.Client.SetCloudStorageAsync(appId, Numbered("k", 127), Ct);

        async Task<int> SetAsync(params (string Key, string Value)[] items)
        {
            var body = new JsonObject { ["kv_list"] = new JsonArray([.. items.Select(i => new JsonObject { ["key"] = i.Key, ["value"] = i.Value })]) }.ToJsonString();
            return (await PostAsync(http, "set_user_storage", token, openId, Sign(body, sessionKey), body)).Code;
        }

        Assert.Equal(87019, await SetAsync(("a", "1"), (new string('k', 129), "1")));
        Assert.Equal(87019, await SetAsync(("a", "1"), ("", "1")));
        Assert.Equal(87016, await SetAsync(("a", "1"), ("b", new string('v', 1024))));
        Assert.Equal(87018, await SetAsync(("a", "1"), ("b", "1")));
        Assert.Equal(127, (await person.Client.GetCloudStorageKeysAsync(appId, Ct)).Keys.Count);
        Assert.Equal(0, await SetAsync(("a", "1"), ("k0", "changed")));
        Assert.Equal(128, (await person.Client.GetCloudStorageKeysAsync(appId, Ct)).Keys.Count);
    }

    private static string Sign(string body, string sessionKey) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(sessionKey), Encoding.UTF8.GetBytes(body)));

    private static async Task<string> TokenAsync(HttpClient http, string appId, string secret) =>
        (string)JsonNode.Parse(await http.GetStringAsync($"/cgi-bin/token?grant_type=client_credential&appid={appId}&secret={secret}", Ct))!["access_token"]!;

    private static async Task<(int Code, string Message)> PostAsync(
        HttpClient http, string api, string token, string openId, string? signature, string body, string sigMethod = "hmac_sha256")
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(
            $"/wxa/{api}?access_token={Uri.EscapeDataString(token)}&openid={Uri.EscapeDataString(openId)}&signature={signature}&sig_method={sigMethod}", content, Ct);
        Assert.Equal(200, (int)response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        return ((int)answer["errcode"]!, (string)answer["errmsg"]!);
    }

    private static async Task<(int Code, string Message)> CheckSessionAsync(HttpClient http, string token, string openId, string signature)
    {
        var answer = JsonNode.Parse(await http.GetStringAsync($"/wxa/checksession?access_token={token}&openid={openId}&signature={signature}&sig_method=hmac_sha256", Ct))!;
        return ((int)answer["errcode"]!, (string)answer["errmsg"]!);
    }
}
