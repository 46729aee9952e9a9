using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hutong.Contracts.MiniPrograms;
using Hutong.Server.Hosting;
using Hutong.Testing;

namespace Hutong.MiniPrograms.Tests.Server;

/// <summary>The app API a developer's server calls, as WeChat's: access tokens and mini-program codes.</summary>
public sealed class AppApiTests(MiniProgramServers servers) : IClassFixture<MiniProgramServers>
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task AMiniProgramsToken_ComesFromTheSameTokenEndpoint_AndEndsWithASecretReset(StorageProvider provider)
    {
        var (app, ops) = await servers.GetAsync(provider);
        var (dev, appId, secret) = await MiniProgramServers.NewAppAsync(app);
        await MiniProgramServers.ReleaseAsync(dev, ops, appId);
        using var http = app.CreateClient();

        var token = await JsonAsync(http, $"/cgi-bin/token?grant_type=client_credential&appid={appId}&secret={secret}");
        var stable = await PostAsync(http, "/cgi-bin/stable_token", new JsonObject { ["grant_type"] = "client_credential", ["appid"] = appId, ["secret"] = secret });

        var accessToken = (string)token["access_token"]!;
        Assert.StartsWith("mp", accessToken, StringComparison.Ordinal);
        Assert.InRange((int)token["expires_in"]!, 1, 7200);
        Assert.Equal(accessToken, (string)stable["access_token"]!);
        Assert.Equal(40125, (int)(await JsonAsync(http, $"/cgi-bin/token?grant_type=client_credential&appid={appId}&secret={new string('0', 32)}"))["errcode"]!);
        Assert.Equal(40013, (int)(await JsonAsync(http, $"/cgi-bin/token?grant_type=client_credential&appid=wx0000000000000000&secret={secret}"))["errcode"]!);

        Assert.Equal(PngSignature, (await CodeAsync(http, "/wxa/getwxacode", accessToken, new JsonObject { ["path"] = "pages/index/index?from=poster" }))[..8]);
        await dev.Client.ResetMiniProgramSecretAsync(appId, Ct);
        Assert.Equal(40001, (int)(await PostAsync(http, $"/wxa/getwxacode?access_token={accessToken}", new JsonObject { ["path"] = "pages/index/index" }))["errcode"]!);
        Assert.Equal(41001, (int)(await PostAsync(http, "/wxa/getwxacode", new JsonObject { ["path"] = "pages/index/index" }))["errcode"]!);
    }

    [Theory, ProviderData]
    public async Task AnUnlimitedCode_TakesAShortSceneAndAReleasedPage(StorageProvider provider)
    {
        var (app, ops) = await servers.GetAsync(provider);
        var (dev, appId, secret) = await MiniProgramServers.NewAppAsync(app);
        await MiniProgramServers.ReleaseAsync(dev, ops, appId);
        using var http = app.CreateClient();
        var token = (string)(await JsonAsync(http, $"/cgi-bin/token?grant_type=client_credential&appid={appId}&secret={secret}"))["access_token"]!;

        var code = await CodeAsync(http, "/wxa/getwxacodeunlimit", token, new JsonObject { ["scene"] = "room=7&seat=12", ["page"] = "pages/about/about", ["width"] = 280 });

        Assert.Equal(PngSignature, code[..8]);
        Assert.Equal(40129, (int)(await PostAsync(http, $"/wxa/getwxacodeunlimit?access_token={token}", new JsonObject { ["scene"] = new string('x', 33) }))["errcode"]!);
        Assert.Equal(40129, (int)(await PostAsync(http, $"/wxa/getwxacodeunlimit?access_token={token}", new JsonObject { ["scene"] = "空格 no" }))["errcode"]!);
        Assert.Equal(41030, (int)(await PostAsync(http, $"/wxa/getwxacodeunlimit?access_token={token}", new JsonObject { ["scene"] = "a", ["page"] = "pages/secret/secret" }))["errcode"]!);
        Assert.Equal(PngSignature, (await CodeAsync(http, "/wxa/getwxacodeunlimit", token, new JsonObject { ["scene"] = "a", ["page"] = "pages/secret/secret", ["check_path"] = false }))[..8]);
        Assert.Equal(40159, (int)(await PostAsync(http, $"/wxa/getwxacode?access_token={token}", new JsonObject { ["path"] = new string('p', 129) }))["errcode"]!);
    }

    [Fact]
    public async Task LimitedCodes_StopAtTheAppsLimit_AndAPathAlreadyMadeIsFree()
    {
        await using var app = await HutongApp.StartAsync(StorageProvider.Sqlite, new Dictionary<string, string?> { ["Hutong:MiniPrograms:MaxLimitedCodes"] = "2" }, cancellationToken: Ct);
        var dev = await TestUser.CreateAsync(app, "dev");
        await dev.Client.RegisterDeveloperAsync("Studio", Ct);
        var created = await dev.Client.CreateMiniProgramAsync(new CreateMiniProgramRequest("Posters"), Ct);
        using var http = app.CreateClient();
        var token = (string)(await JsonAsync(http, $"/cgi-bin/token?grant_type=client_credential&appid={created.App.AppId}&secret={created.AppSecret}"))["access_token"]!;

        await CodeAsync(http, "/wxa/getwxacode", token, new JsonObject { ["path"] = "pages/a/a" });
        await CodeAsync(http, "/wxa/getwxacode", token, new JsonObject { ["path"] = "pages/b/b" });
        await CodeAsync(http, "/wxa/getwxacode", token, new JsonObject { ["path"] = "pages/a/a" });

        Assert.Equal(45029, (int)(await PostAsync(http, $"/wxa/getwxacode?access_token={token}", new JsonObject { ["path"] = "pages/c/c" }))["errcode"]!);
    }

    private static async Task<JsonObject> JsonAsync(HttpClient http, string path) => JsonNode.Parse(await http.GetStringAsync(path, Ct))!.AsObject();

    private static async Task<JsonObject> PostAsync(HttpClient http, string path, JsonObject body)
    {
        using var response = await http.PostAsJsonAsync(path, body, Ct);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsObject();
    }

    private static async Task<byte[]> CodeAsync(HttpClient http, string path, string token, JsonObject body)
    {
        using var response = await http.PostAsJsonAsync($"{path}?access_token={token}", body, Ct);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync(Ct);
    }
}
