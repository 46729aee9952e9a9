using Microsoft.AspNetCore.Http;
using System.Text;
using System.Text.Json.Nodes;
using Hutong.Contracts;
using Hutong.Contracts.MiniPrograms;
using Hutong.Core.Tests.Outbound;
using Hutong.Server.Hosting;
using Hutong.Testing;
using static Hutong.MiniPrograms.Tests.Server.AppsTests;

namespace Hutong.MiniPrograms.Tests.Server;

/// <summary>What the host calls for a running mini-program: login and its exchange, storage, and requests.</summary>
public sealed class RuntimeApiTests(MiniProgramServers servers) : IClassFixture<MiniProgramServers>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task ALoginCode_ExchangesOnceForTheOpenIdAndTheDevelopersUnionId(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var (dev, appId, secret) = await ReleasedAsync(provider);
        var otherApp = (await dev.Client.CreateMiniProgramAsync(new CreateMiniProgramRequest("Second"), Ct));
        var person = await TestUser.CreateAsync(app, "person");

        var code = (await person.Client.GetMiniProgramLoginCodeAsync(appId, Ct)).Code;
        var session = await ExchangeAsync(app, appId, secret, code);

        Assert.Matches("^o[A-Za-z0-9_-]{27}$", (string)session["openid"]!);
        Assert.Equal(24, ((string)session["session_key"]!).Length);
        Assert.StartsWith("u", (string)session["unionid"]!, StringComparison.Ordinal);
        Assert.Null(session["errcode"]);
        Assert.Equal((40163, "code been used"), Error(await ExchangeAsync(app, appId, secret, code)));

        // The same person: the same openid at this app again, the same unionid at the developer's other app.
        var again = await ExchangeAsync(app, appId, secret, (await person.Client.GetMiniProgramLoginCodeAsync(appId, Ct)).Code);
        Assert.Equal((string)session["openid"]!, (string)again["openid"]!);
        Assert.NotEqual((string)session["session_key"]!, (string)again["session_key"]!);
        var other = await ExchangeAsync(app, otherApp.App.AppId, otherApp.AppSecret, (await dev.Client.GetMiniProgramLoginCodeAsync(otherApp.App.AppId, Ct)).Code);
        var devHere = await ExchangeAsync(app, appId, secret, (await dev.Client.GetMiniProgramLoginCodeAsync(appId, Ct)).Code);
        Assert.Equal((string)devHere["unionid"]!, (string)other["unionid"]!);
        Assert.NotEqual((string)devHere["openid"]!, (string)other["openid"]!);
    }

    [Theory, ProviderData]
    public async Task AnExchange_FailsAsWeChatsDoes_ForAWrongAppSecretGrantOrCode(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var (dev, appId, secret) = await ReleasedAsync(provider);
        var second = await dev.Client.CreateMiniProgramAsync(new CreateMiniProgramRequest("Second"), Ct);
        var code = (await dev.Client.GetMiniProgramLoginCodeAsync(appId, Ct)).Code;

        Assert.Equal((40013, "invalid appid"), Error(await ExchangeAsync(app, "wx0000000000000000", secret, code)));
        Assert.Equal((40125, "invalid appsecret"), Error(await ExchangeAsync(app, appId, second.AppSecret, code)));
        Assert.Equal((40002, "invalid grant_type"), Error(await ExchangeAsync(app, appId, secret, code, "client_credential")));
        Assert.Equal((40029, "invalid code"), Error(await ExchangeAsync(app, appId, secret, "not-a-code")));
        Assert.Equal((40029, "invalid code"), Error(await ExchangeAsync(app, second.App.AppId, second.AppSecret, code)));

        // None of those used the code up.
        Assert.NotNull((await ExchangeAsync(app, appId, secret, code))["openid"]);
        var outsider = await TestUser.CreateAsync(app, "outsider");
        await ExpectAsync(404, ErrorCodes.MiniProgramNotFound, () => outsider.Client.GetMiniProgramLoginCodeAsync(second.App.AppId, Ct));
    }

    [Theory, ProviderData]
    public async Task Storage_FollowsThePersonAcrossDevices_PerApp_UpToItsLimit(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        var (_, appId, _) = await ReleasedAsync(provider);
        var person = await TestUser.CreateAsync(app, "person");
        var other = await TestUser.CreateAsync(app, "other");

        await person.Client.SetMiniProgramStorageAsync(appId, "cart", """{"tea":2}""", Ct);
        await person.Client.SetMiniProgramStorageAsync(appId, "cart", """{"tea":3}""", Ct);
        var set = await person.Client.SetMiniProgramStorageAsync(appId, "名字", "\"小林\"", Ct);

        Assert.Equal(new Dictionary<string, string> { ["cart"] = """{"tea":3}""", ["名字"] = "\"小林\"" }, set.Items);
        Assert.Equal(Encoding.UTF8.GetByteCount("cart{\"tea\":3}名字\"小林\""), set.Size);
        var secondDevice = app.NewClient();
        await secondDevice.LoginAsync(new Contracts.Accounts.LoginRequest(person.Handle, TestUser.DefaultPassword, "phone"), Ct);
        Assert.Equal(set.Items, (await secondDevice.GetMiniProgramStorageAsync(appId, Ct)).Items);
        Assert.Empty((await other.Client.GetMiniProgramStorageAsync(appId, Ct)).Items);

        // 10 MB in all, 1 MB a value; a refused write changes nothing. Each "kN" item is exactly 1 MB with its key.
        var megabyte = new string('x', (1024 * 1024) - 2);
        await ExpectAsync(409, ErrorCodes.StorageFull, () => person.Client.SetMiniProgramStorageAsync(appId, "big", megabyte + new string('x', 32), Ct));
        for (var i = 0; i < 9; i++)
        {
            await person.Client.SetMiniProgramStorageAsync(appId, $"k{i}", megabyte, Ct);
        }

        await ExpectAsync(409, ErrorCodes.StorageFull, () => person.Client.SetMiniProgramStorageAsync(appId, "k9", megabyte, Ct));
        await person.Client.SetMiniProgramStorageAsync(appId, "k8", "small now", Ct);
        Assert.Equal(megabyte, (await person.Client.SetMiniProgramStorageAsync(appId, "k9", megabyte, Ct)).Items["k9"]);

        Assert.DoesNotContain("cart", (await person.Client.RemoveMiniProgramStorageAsync(appId, "cart", Ct)).Items.Keys);
        var cleared = await person.Client.ClearMiniProgramStorageAsync(appId, Ct);
        Assert.Equal((0, 0L), (cleared.Items.Count, cleared.Size));
        await ExpectAsync(400, ErrorCodes.ValidationFailed, () => person.Client.SetMiniProgramStorageAsync(appId, "", "x", Ct));
    }

    [Theory, ProviderData]
    public async Task ARequest_ReachesOnlyTheAppsDomains_WithItsHeadersAndNoneOfThePlatforms(StorageProvider provider)
    {
        var (app, _) = await servers.GetAsync(provider);
        await using var backend = await LoopbackServer.StartAsync(async (http, _) =>
        {
            if (http.Request.Path == "/away")
            {
                http.Response.Redirect("http://127.0.0.2:9/elsewhere");
                return;
            }

            http.Response.StatusCode = http.Request.Path == "/missing" ? 404 : 200;
            http.Response.Headers["X-Answer"] = "yes";
            await http.Response.WriteAsJsonAsync(new { path = http.Request.Path.Value, said = http.Request.Headers["X-Said"].ToString() }, Ct);
        });
        var (_, appId, _) = await ReleasedAsync(provider, [backend.Uri.GetLeftPart(UriPartial.Authority)]);
        var person = await TestUser.CreateAsync(app, "person");

        var answer = await person.Client.ProxyMiniProgramRequestAsync(
            appId, new ProxyRequest(new Uri(backend.Uri, "/slots?day=1").ToString(), "POST", new Dictionary<string, string> { ["X-Said"] = "hi" }, """{"a":1}"""), "1.0.0", Ct);

        Assert.Equal(200, answer.StatusCode);
        Assert.False(answer.DataIsBase64);
        Assert.Equal("/slots", (string)JsonNode.Parse(answer.Data)!["path"]!);
        Assert.Equal("hi", (string)JsonNode.Parse(answer.Data)!["said"]!);
        Assert.Equal("yes", answer.Header["X-Answer"]);
        var seen = backend.Seen.Single();
        Assert.Equal(("POST", """{"a":1}"""), (seen.Method, Encoding.UTF8.GetString(seen.Body)));
        Assert.EndsWith($"/mp/{appId}/1.0.0/page-frame.html", seen.Headers["Referer"], StringComparison.Ordinal);
        Assert.False(seen.Headers.ContainsKey("Authorization"));
        Assert.False(seen.Headers.ContainsKey("Cookie"));

        // An error status is an answer the app reads; an address off the list, or a redirect off it, is refused.
        Assert.Equal(404, (await person.Client.ProxyMiniProgramRequestAsync(appId, new ProxyRequest(new Uri(backend.Uri, "/missing").ToString()), cancellationToken: Ct)).StatusCode);
        await ExpectAsync(403, ErrorCodes.DomainNotAllowed, () => person.Client.ProxyMiniProgramRequestAsync(appId, new ProxyRequest("https://example.org/"), cancellationToken: Ct));
        await ExpectAsync(403, ErrorCodes.DomainNotAllowed, () => person.Client.ProxyMiniProgramRequestAsync(appId, new ProxyRequest("http://127.0.0.1:1/"), cancellationToken: Ct));
        await ExpectAsync(403, ErrorCodes.DomainNotAllowed, () => person.Client.ProxyMiniProgramRequestAsync(appId, new ProxyRequest(new Uri(backend.Uri, "/away").ToString()), cancellationToken: Ct));
        await ExpectAsync(400, ErrorCodes.ValidationFailed, () => person.Client.ProxyMiniProgramRequestAsync(
            appId, new ProxyRequest(backend.Uri.ToString(), Header: new Dictionary<string, string> { ["Host"] = "evil" }), cancellationToken: Ct));
        Assert.Equal(["/slots?day=1", "/missing", "/away"], backend.Seen.Select(r => r.Path));
    }

    /// <summary>A released app of a new developer, which anyone may open.</summary>
    private async Task<(TestUser Dev, string AppId, string Secret)> ReleasedAsync(StorageProvider provider, IReadOnlyList<string>? domains = null)
    {
        var (app, ops) = await servers.GetAsync(provider);
        var (dev, appId, secret) = await MiniProgramServers.NewAppAsync(app, domains: domains);
        await MiniProgramServers.ReleaseAsync(dev, ops, appId);
        return (dev, appId, secret);
    }

    private static async Task<JsonObject> ExchangeAsync(HutongApp app, string appId, string secret, string code, string grant = "authorization_code")
    {
        using var http = app.CreateClient();
        var text = await http.GetStringAsync(
            $"/sns/jscode2session?appid={appId}&secret={secret}&js_code={Uri.EscapeDataString(code)}&grant_type={grant}", Ct);
        return JsonNode.Parse(text)!.AsObject();
    }

    private static (int, string) Error(JsonObject answer) => ((int)answer["errcode"]!, (string)answer["errmsg"]!);
}
