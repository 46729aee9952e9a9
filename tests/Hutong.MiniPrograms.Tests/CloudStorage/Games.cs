using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Hutong.Contracts.MiniPrograms;
using Hutong.MiniPrograms.Tests.Server;
using Hutong.Server.Hosting;
using Hutong.Testing;

namespace Hutong.MiniPrograms.Tests.CloudStorage;

/// <summary>What the hosted data tests share: a released game, items, and the game's server's view of a person.</summary>
internal static class Games
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A released app of a new developer, which anyone may open.</summary>
    public static async Task<(TestUser Dev, string AppId, string Secret)> ReleasedAsync(MiniProgramServers servers, StorageProvider provider)
    {
        var (app, ops) = await servers.GetAsync(provider);
        var (dev, appId, secret) = await MiniProgramServers.NewAppAsync(app);
        await MiniProgramServers.ReleaseAsync(dev, ops, appId);
        return (dev, appId, secret);
    }

    public static KVData[] Items(params (string Key, string Value)[] items) => [.. items.Select(i => new KVData(i.Key, i.Value))];

    /// <summary><paramref name="count"/> items named <c>{prefix}0</c>, <c>{prefix}1</c>, ...</summary>
    public static KVData[] Numbered(string prefix, int count, int from = 0) =>
        [.. Enumerable.Range(from, count).Select(i => new KVData($"{prefix}{i}", i.ToString(System.Globalization.CultureInfo.InvariantCulture)))];

    /// <summary>The person's openid and session key at the app, as the game's server gets them from <c>wx.login</c>.</summary>
    public static async Task<(string OpenId, string SessionKey)> LoginAsync(HutongApp app, TestUser person, string appId, string secret)
    {
        var code = (await person.Client.GetMiniProgramLoginCodeAsync(appId, Ct)).Code;
        using var http = app.CreateClient();
        var session = JsonNode.Parse(await http.GetStringAsync(
            $"/sns/jscode2session?appid={appId}&secret={secret}&js_code={Uri.EscapeDataString(code)}&grant_type=authorization_code", Ct))!;
        return ((string)session["openid"]!, (string)session["session_key"]!);
    }

    /// <summary>The raw JSON of a signed-in person's GET, to check the wire's names as a game reads them.</summary>
    public static async Task<string> RawGetAsync(HutongApp app, TestUser person, string path)
    {
        using var http = app.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", person.Client.Token);
        return await http.GetStringAsync(path, Ct);
    }
}
