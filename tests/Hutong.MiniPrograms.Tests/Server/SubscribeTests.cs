using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hutong.Contracts.Events;
using Hutong.Contracts.MiniPrograms;
using Hutong.Server.Hosting;
using Hutong.Testing;

namespace Hutong.MiniPrograms.Tests.Server;

/// <summary>Subscribe messages: templates from the library, consent from the person, one message per consent.</summary>
public sealed class SubscribeTests(MiniProgramServers servers) : IClassFixture<MiniProgramServers>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task OneConsent_LetsTheAppSendOneMessage_IntoTheServiceNotices_Live(StorageProvider provider)
    {
        var (app, ops) = await servers.GetAsync(provider);
        var (dev, appId, secret) = await MiniProgramServers.NewAppAsync(app);
        await MiniProgramServers.ReleaseAsync(dev, ops, appId);
        var person = await TestUser.CreateAsync(app, "person");
        using var http = app.CreateClient();
        var token = (string)(await GetAsync(http, $"/cgi-bin/token?grant_type=client_credential&appid={appId}&secret={secret}"))["access_token"]!;
        var keywords = await GetAsync(http, $"/wxaapi/newtmpl/getpubtemplatekeywords?access_token={token}&tid=1001");
        Assert.Equal("Service", (string)keywords["data"]![0]!["name"]!);
        var added = await PostAsync(http, $"/wxaapi/newtmpl/addtemplate?access_token={token}", new JsonObject { ["tid"] = 1001, ["kidList"] = new JsonArray(1, 2), ["sceneDesc"] = "Reminders" });
        var templateId = (string)added["priTmplId"]!;
        var listed = await GetAsync(http, $"/wxaapi/newtmpl/gettemplate?access_token={token}");
        Assert.Equal("Service:{{thing1.DATA}}\nTime:{{time2.DATA}}\n", (string)listed["data"]![0]!["content"]!);
        var openId = await OpenIdAsync(http, person, appId, secret);
        var send = new JsonObject
        {
            ["touser"] = openId,
            ["template_id"] = templateId,
            ["page"] = "pages/about/about?booking=7",
            ["data"] = new JsonObject { ["thing1"] = new JsonObject { ["value"] = "Foot massage" }, ["time2"] = new JsonObject { ["value"] = "2026-12-06 15:00" } },
        };

        // No consent yet: refused. The person sees the template's title and fields, accepts once.
        Assert.Equal(43101, (int)(await PostAsync(http, $"/cgi-bin/message/subscribe/send?access_token={token}", send))["errcode"]!);
        var offered = Assert.Single((await person.Client.GetSubscribeTemplatesAsync(appId, [templateId, "someone-elses"], Ct)).Templates);
        Assert.Equal("Booking reminder", offered.Title);
        Assert.Equal(["Service", "Time"], offered.Fields);
        var answer = await person.Client.SubscribeMiniProgramMessagesAsync(appId, [templateId], ["someone-elses"], Ct);
        Assert.Equal(new Dictionary<string, string> { [templateId] = "accept", ["someone-elses"] = "ban" }, answer.Results);
        await using var device = app.NewGateway(person.Client);
        await device.ConnectAsync(cancellationToken: Ct).WaitAsync(Eventually.Patience, Ct);

        Assert.Equal(0, (int)(await PostAsync(http, $"/cgi-bin/message/subscribe/send?access_token={token}", send))["errcode"]!);

        var live = (ServiceNoticeEvent)await Eventually.ReadAsync(HutongApp.Delivered(device), f => f is ServiceNoticeEvent, "the notice on the device");
        Assert.Equal(("Booking reminder", "pages/about/about?booking=7"), (live.Notice.Title, live.Notice.Page));
        Assert.Equal([new ServiceNoticeField("Service", "Foot massage"), new ServiceNoticeField("Time", "2026-12-06 15:00")], live.Notice.Fields);
        Assert.Equal(live.Notice.Id, Assert.Single((await person.Client.GetServiceNoticesAsync(Ct)).Notices).Id);
        Assert.Equal(43101, (int)(await PostAsync(http, $"/cgi-bin/message/subscribe/send?access_token={token}", send))["errcode"]!);
    }

    [Theory, ProviderData]
    public async Task ABadSend_IsRefusedWithWeChatsCode_AndUsesNoConsent(StorageProvider provider)
    {
        var (app, ops) = await servers.GetAsync(provider);
        var (dev, appId, secret) = await MiniProgramServers.NewAppAsync(app);
        await MiniProgramServers.ReleaseAsync(dev, ops, appId);
        var person = await TestUser.CreateAsync(app, "person");
        using var http = app.CreateClient();
        var token = (string)(await GetAsync(http, $"/cgi-bin/token?grant_type=client_credential&appid={appId}&secret={secret}"))["access_token"]!;
        Assert.Equal(200014, (int)(await PostAsync(http, $"/wxaapi/newtmpl/addtemplate?access_token={token}", new JsonObject { ["tid"] = 9, ["kidList"] = new JsonArray(1, 2) }))["errcode"]!);
        Assert.Equal(200020, (int)(await PostAsync(http, $"/wxaapi/newtmpl/addtemplate?access_token={token}", new JsonObject { ["tid"] = 1001, ["kidList"] = new JsonArray(1, 9) }))["errcode"]!);
        var templateId = (string)(await PostAsync(http, $"/wxaapi/newtmpl/addtemplate?access_token={token}", new JsonObject { ["tid"] = 1001, ["kidList"] = new JsonArray(1, 2) }))["priTmplId"]!;
        var openId = await OpenIdAsync(http, person, appId, secret);
        await person.Client.SubscribeMiniProgramMessagesAsync(appId, [templateId], [], Ct);

        JsonObject Send(string? user, string template, string service) => new()
        {
            ["touser"] = user,
            ["template_id"] = template,
            ["data"] = new JsonObject { ["thing1"] = new JsonObject { ["value"] = service }, ["time2"] = new JsonObject { ["value"] = "15:00" } },
        };

        Assert.Equal(40003, (int)(await PostAsync(http, $"/cgi-bin/message/subscribe/send?access_token={token}", Send("o" + new string('x', 27), templateId, "Tea")))["errcode"]!);
        Assert.Equal(40037, (int)(await PostAsync(http, $"/cgi-bin/message/subscribe/send?access_token={token}", Send(openId, "nope", "Tea")))["errcode"]!);
        var tooLong = await PostAsync(http, $"/cgi-bin/message/subscribe/send?access_token={token}", Send(openId, templateId, new string('茶', 21)));
        Assert.Equal(47003, (int)tooLong["errcode"]!);
        Assert.Contains("thing1", (string)tooLong["errmsg"]!, StringComparison.Ordinal);
        Assert.Empty((await person.Client.GetServiceNoticesAsync(Ct)).Notices);

        Assert.Equal(0, (int)(await PostAsync(http, $"/cgi-bin/message/subscribe/send?access_token={token}", Send(openId, templateId, new string('茶', 20))))["errcode"]!);
        Assert.Single((await person.Client.GetServiceNoticesAsync(Ct)).Notices);
    }

    private static async Task<string> OpenIdAsync(HttpClient http, TestUser person, string appId, string secret)
    {
        var code = (await person.Client.GetMiniProgramLoginCodeAsync(appId, Ct)).Code;
        return (string)(await GetAsync(http, $"/sns/jscode2session?appid={appId}&secret={secret}&js_code={Uri.EscapeDataString(code)}&grant_type=authorization_code"))["openid"]!;
    }

    private static async Task<JsonObject> GetAsync(HttpClient http, string path) => JsonNode.Parse(await http.GetStringAsync(path, Ct))!.AsObject();

    private static async Task<JsonObject> PostAsync(HttpClient http, string path, JsonObject body)
    {
        using var response = await http.PostAsJsonAsync(path, body, Ct);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsObject();
    }
}
