using System.Net;
using System.Text.Json;
using Bunit;
using Hutong.Contracts;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Web.OfficialAccounts.Studio;
using Hutong.Web.Tests.Testing;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Web.Tests.OfficialAccounts;

/// <summary>The studio's broadcast and customer-service tabs against a recording server.</summary>
public sealed class StudioTests : IAsyncDisposable
{
    private const string Id = "oa-1";
    private const string Mei = "o6_bmjrPTlm6_2sgVt7hMZOPfL2M";

    private static readonly OfficialAccountInfo Account =
        new(Id, OfficialAccountKinds.Subscription, "Tea Notes", "", null, "gh_0123456789ab", 3, false, false,
            new OfficialAccountAdminInfo(OfficialAccountStates.Active, "wx0123456789abcdef", Sample.Noon, null));

    private readonly BunitContext _context = new();
    private readonly RecordingHandler _server = new();
    private int _sent;

    public StudioTests()
    {
        _context.AddWebClient(_server, new FakeTimeProvider(Sample.Noon));
        _server.Answer(HttpMethod.Get, $"api/v1/official-accounts/{Id}/tags", () =>
            RecordingHandler.Json(new FollowerTagList([new FollowerTagInfo(100, "Regulars", 2)]), HutongJsonContext.Default.FollowerTagList));
        _server.Answer(HttpMethod.Get, $"api/v1/official-accounts/{Id}/followers?limit=50", () => RecordingHandler.Json(
            new FollowerPage([new FollowerInfo(Mei, "", "zh_CN", Sample.Noon, FollowScenes.Search, [])], 1, null), HutongJsonContext.Default.FollowerPage));
        _server.Answer(HttpMethod.Get, $"api/v1/official-accounts/{Id}/broadcasts", () => RecordingHandler.Json(
            new BroadcastList([], new BroadcastQuota(BroadcastQuotaPeriods.Day, 1, _sent, 1 - _sent, Sample.Noon.AddHours(4))), HutongJsonContext.Default.BroadcastList));
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    private IReadOnlyList<JsonElement> Posted(string request) =>
        [.. _server.Bodies.Where(b => b.Request == request).Select(b => JsonDocument.Parse(b.Body).RootElement)];

    private static BroadcastInfo Broadcast(string id) =>
        new(id, Sample.Noon, BroadcastAudiences.All, null, 3, true, new TextContent("Spring tea"));

    [Fact]
    public async Task Broadcast_SubmittedTwiceWhileTheFirstIsOnItsWay_SendsOnce_AndTheQuotaShowsWhatIsLeft()
    {
        var answer = new TaskCompletionSource<HttpResponseMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.AnswerLater(HttpMethod.Post, $"api/v1/official-accounts/{Id}/broadcasts", () => answer.Task);
        var tab = _context.Render<StudioBroadcast>(ps => ps.Add(p => p.Account, Account));
        tab.WaitForAssertion(() => Assert.Contains("1 of 1 broadcast left today.", tab.Find("#broadcast-quota").TextContent, StringComparison.Ordinal));
        await tab.Find("#broadcast-text").InputAsync(new ChangeEventArgs { Value = "Spring tea" });

        var first = tab.Find("form").SubmitAsync(new());
        var second = tab.Find("form").SubmitAsync(new());
        _sent = 1;
        answer.SetResult(RecordingHandler.Json(Broadcast("b-1"), HutongJsonContext.Default.BroadcastInfo, HttpStatusCode.Created));
        await Task.WhenAll(first, second);

        var posted = Assert.Single(Posted($"POST api/v1/official-accounts/{Id}/broadcasts"));
        Assert.Equal("Spring tea", posted.GetProperty("content").GetProperty("text").GetString());
        tab.WaitForAssertion(() => Assert.Equal("Sent to 3 followers.", tab.Find(".broadcast-status").TextContent));
        Assert.Contains("0 of 1 broadcast left today.", tab.Find("#broadcast-quota").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broadcast_OverTheQuota_SaysSo_AndTheSameComposeKeepsItsClientId_WhileTheNextGetsANewOne()
    {
        var refuse = true;
        _server.Answer(HttpMethod.Post, $"api/v1/official-accounts/{Id}/broadcasts", () => refuse
            ? RecordingHandler.Problem(HttpStatusCode.TooManyRequests, ErrorCodes.BroadcastQuotaExceeded, retryAfter: 3_600)
            : RecordingHandler.Json(Broadcast("b-1"), HutongJsonContext.Default.BroadcastInfo, HttpStatusCode.Created));
        var tab = _context.Render<StudioBroadcast>(ps => ps.Add(p => p.Account, Account));
        tab.WaitForAssertion(() => Assert.NotNull(tab.Find("#broadcast-quota")));
        await tab.Find("#broadcast-text").InputAsync(new ChangeEventArgs { Value = "Spring tea" });

        await tab.Find("form").SubmitAsync(new());

        Assert.Equal(
            "No broadcasts are left for now: a subscription account sends one a day, a service account four a month. Try again in 1 hour.",
            tab.Find(".broadcast-error").TextContent);
        refuse = false;
        await tab.Find("form").SubmitAsync(new());
        await tab.Find("#broadcast-text").InputAsync(new ChangeEventArgs { Value = "More tea" });
        await tab.Find("form").SubmitAsync(new());
        var ids = Posted($"POST api/v1/official-accounts/{Id}/broadcasts").Select(p => p.GetProperty("clientId").GetString()).ToList();
        Assert.Equal(3, ids.Count);
        Assert.Equal(ids[0], ids[1]);
        Assert.NotEqual(ids[1], ids[2]);
    }

    [Fact]
    public async Task Preview_GoesToTheOpenIdTyped_WithAClientIdOfItsOwn()
    {
        _server.Answer(HttpMethod.Post, $"api/v1/official-accounts/{Id}/broadcasts", () =>
            RecordingHandler.Json(Broadcast("b-p"), HutongJsonContext.Default.BroadcastInfo, HttpStatusCode.Created));
        var tab = _context.Render<StudioBroadcast>(ps => ps.Add(p => p.Account, Account));
        tab.WaitForAssertion(() => Assert.NotNull(tab.Find("#broadcast-quota")));
        await tab.Find("#broadcast-text").InputAsync(new ChangeEventArgs { Value = "Spring tea" });
        await tab.Find("#preview-openid").ChangeAsync(new ChangeEventArgs { Value = Mei });

        await tab.FindAll("button").Single(b => b.TextContent.Trim() == "Send preview").ClickAsync(new());
        await tab.Find("form").SubmitAsync(new());

        var posted = Posted($"POST api/v1/official-accounts/{Id}/broadcasts");
        Assert.Equal(2, posted.Count);
        Assert.Equal(Mei, posted[0].GetProperty("previewOpenId").GetString());
        Assert.Equal(JsonValueKind.Null, posted[1].GetProperty("previewOpenId").ValueKind);
        Assert.NotEqual(posted[0].GetProperty("clientId").GetString(), posted[1].GetProperty("clientId").GetString());
    }

    [Fact]
    public async Task Reply_OutsideTheServiceWindow_SaysWhy_AndKeepsTheText()
    {
        _server.Answer(HttpMethod.Get, $"api/v1/official-accounts/{Id}/followers/{Mei}/messages?limit=30", () => RecordingHandler.Json(
            new AccountThread([new AccountMessage("m-1", Id, false, Sample.Noon, new TextContent("Do you sell oolong?"))], null), HutongJsonContext.Default.AccountThread));
        _server.Answer(HttpMethod.Post, $"api/v1/official-accounts/{Id}/followers/{Mei}/messages", () =>
            RecordingHandler.Problem(HttpStatusCode.Conflict, ErrorCodes.OutsideServiceWindow));
        var tab = _context.Render<StudioMessages>(ps => ps.Add(p => p.Account, Account));
        tab.WaitForAssertion(() => Assert.NotEmpty(tab.FindAll(".inbox-list .row")));

        await tab.Find(".inbox-list .row").ClickAsync(new());
        tab.WaitForAssertion(() => Assert.Contains("Do you sell oolong?", tab.Find(".studio-thread article.theirs").TextContent, StringComparison.Ordinal));
        await tab.Find("#studio-reply").InputAsync(new ChangeEventArgs { Value = "Yes, from Anxi." });
        await tab.Find("form.studio-reply").SubmitAsync(new());

        var refusal = tab.Find(".window-closed.outside[role=alert]");
        Assert.Contains("You can message this follower only for a while after they message you", refusal.TextContent, StringComparison.Ordinal);
        Assert.Equal("Yes, from Anxi.", tab.Find("#studio-reply").GetAttribute("value"));
        Assert.Single(tab.FindAll(".studio-thread article"));
    }
}
