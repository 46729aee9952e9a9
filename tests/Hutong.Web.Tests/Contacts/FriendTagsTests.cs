using System.Net;
using System.Text.Json;
using Bunit;
using Hutong.Contracts;
using Hutong.Contracts.Chat;
using Hutong.Contracts.Contacts;
using Hutong.Web.Contacts;
using Hutong.Web.Localization;
using Hutong.Web.Tests.Testing;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Web.Tests.Contacts;

/// <summary>Friend tags in Contacts: the list read off the friends, the tag page, and the tags on a friend's page.</summary>
public sealed class FriendTagsTests : IAsyncDisposable
{
    private static readonly Strings S = Strings.English;
    private static readonly HutongJsonContext Json = HutongJsonContext.Default;

    private readonly BunitContext _context = new();
    private readonly RecordingHandler _server = new();

    /// <summary>Lin and Wang carry "family", Wang "work" too, and Zhao nothing.</summary>
    private readonly List<FriendInfo> _friends =
    [
        Friend("u-zhao", "Zhao"),
        Friend("u-lin", "Lin", "family"),
        Friend("u-wang", "Wang", "family", "work"),
    ];

    public FriendTagsTests()
    {
        _context.AddWebClient(_server, new FakeTimeProvider(Sample.Noon));
        _server
            .Answer(HttpMethod.Get, "api/v1/friends?limit=200", () => RecordingHandler.Json(new FriendList([.. _friends], null), Json.FriendList))
            .Answer(HttpMethod.Get, "api/v1/friend-requests?direction=incoming&limit=100", () => RecordingHandler.Json(new FriendRequestList([], null), Json.FriendRequestList))
            .Answer(HttpMethod.Get, "api/v1/friend-requests?direction=outgoing&limit=100", () => RecordingHandler.Json(new FriendRequestList([], null), Json.FriendRequestList))
            .Answer(HttpMethod.Get, "api/v1/group-invitations", () => RecordingHandler.Json(new GroupInvitationList([]), Json.GroupInvitationList))
            .Answer(HttpMethod.Get, "api/v1/conversations", () => RecordingHandler.Json(new ConversationList([]), Json.ConversationList));
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    private ContactStore Contacts => _context.Services.GetRequiredService<ContactStore>();

    private NavigationManager Nav => _context.Services.GetRequiredService<NavigationManager>();

    private static FriendInfo Friend(string userId, string name, params string[] tags) =>
        new(userId, name.ToLowerInvariant(), name, null, null, tags, false, false, Sample.Noon);

    private JsonElement Body(string request) => JsonDocument.Parse(_server.Bodies.Single(b => b.Request == request).Body).RootElement;

    private static string[] Texts(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    private async Task<IRenderedComponent<TagEditor>> OpenAsync(string? tag)
    {
        await Contacts.RefreshAsync();
        return _context.Render<TagEditor>(p => p.Add(x => x.Name, tag));
    }

    /// <summary>The friend checkboxes, by name: friends are listed by name.</summary>
    private static async Task PickAsync(IRenderedComponent<TagEditor> page, string name)
    {
        var pick = page.FindAll("label.pick").Single(l => NameOn(l) == name);
        await pick.QuerySelector("input")!.ChangeAsync(new ChangeEventArgs());
    }

    /// <summary>The name beside a checkbox (the avatar before it shows an initial).</summary>
    private static string NameOn(AngleSharp.Dom.IElement pick) => pick.Children[^1].TextContent;

    [Fact]
    public async Task Store_Tags_AreReadOffTheFriends_ByNameWithTheirCounts()
    {
        await Contacts.RefreshAsync();

        Assert.Equal([("family", 2), ("work", 1)], Contacts.Tags.Select(t => (t.Name, t.Count)));
        Assert.Equal(["u-lin", "u-wang"], Contacts.Tag("family")!.MemberIds);
    }

    [Fact]
    public async Task TagsList_ShowsEachTagWithItsCountAndFriends_LinkingToItsPage()
    {
        await Contacts.RefreshAsync();

        var list = _context.Render<TagsList>();

        var rows = list.FindAll("a.row");
        Assert.Equal(["contacts/tag?name=family", "contacts/tag?name=work"], rows.Select(r => r.GetAttribute("href")));
        Assert.Equal(["family", "work"], rows.Select(r => r.QuerySelector(".row-name")!.TextContent));
        Assert.Equal(S.FriendCount(2), rows[0].QuerySelector(".row-time")!.TextContent);
        Assert.Equal("Lin, Wang", rows[0].QuerySelector(".row-preview")!.TextContent);
    }

    [Fact]
    public async Task NewTag_NamedWithFriendsPicked_IsCreatedAndItsPageOpens()
    {
        _server.Answer(HttpMethod.Post, "api/v1/friend-tags", () => RecordingHandler.Json(new FriendTagInfo("tea/chess", ["u-lin", "u-zhao"], 2), Json.FriendTagInfo, HttpStatusCode.Created));
        var page = await OpenAsync(null);

        await page.Find("#tag-name").ChangeAsync(new ChangeEventArgs { Value = " tea/chess " });
        await PickAsync(page, "Zhao");
        await PickAsync(page, "Lin");
        await page.Find("form").SubmitAsync(new());

        var body = Body("POST api/v1/friend-tags");
        Assert.Equal("tea/chess", body.GetProperty("name").GetString());
        Assert.Equal(["u-lin", "u-zhao"], Texts(body.GetProperty("memberIds")).Order(StringComparer.Ordinal));
        Assert.Equal(Nav.BaseUri + "contacts/tag?name=tea%2Fchess", Nav.Uri);
    }

    [Fact]
    public async Task NewTag_WithoutANameOrAFriend_SaysWhichAndSendsNothing()
    {
        var page = await OpenAsync(null);

        await PickAsync(page, "Lin");
        await page.Find("form").SubmitAsync(new());
        var unnamed = page.Find("[role=alert]").TextContent;
        var invalid = page.Find("#tag-name").GetAttribute("aria-invalid");
        await page.Find("#tag-name").ChangeAsync(new ChangeEventArgs { Value = "tea" });
        await PickAsync(page, "Lin");
        await page.Find("form").SubmitAsync(new());

        Assert.Equal((S.TagNameRequired, "true"), (unnamed, invalid));
        Assert.Equal(S.PickAFriend, page.Find("[role=alert]").TextContent);
        Assert.DoesNotContain(_server.Requests, r => r.StartsWith("POST", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tag_RenamedAndRepicked_IsOneUpdateAndItsNewPageOpens()
    {
        _server.Answer(HttpMethod.Put, "api/v1/friend-tags/family", () => RecordingHandler.Json(new FriendTagInfo("家人", ["u-wang", "u-zhao"], 2), Json.FriendTagInfo));
        var page = await OpenAsync("family");
        var checkedAtFirst = page.FindAll("label.pick").Where(l => l.QuerySelector("input")!.HasAttribute("checked")).Select(NameOn).ToList();

        await page.Find("#tag-name").ChangeAsync(new ChangeEventArgs { Value = "家人" });
        await PickAsync(page, "Lin");
        await PickAsync(page, "Zhao");
        await page.Find("form").SubmitAsync(new());

        Assert.Equal(["Lin", "Wang"], checkedAtFirst);
        var body = Body("PUT api/v1/friend-tags/family");
        Assert.Equal("家人", body.GetProperty("name").GetString());
        Assert.Equal(["u-wang", "u-zhao"], Texts(body.GetProperty("memberIds")).Order(StringComparer.Ordinal));
        Assert.Equal(Nav.BaseUri + "contacts/tag?name=" + Uri.EscapeDataString("家人"), Nav.Uri);
    }

    [Fact]
    public async Task Tag_RenamedOntoANameInUse_SaysSoAndStays()
    {
        _server.Answer(HttpMethod.Put, "api/v1/friend-tags/family", () => RecordingHandler.Problem(HttpStatusCode.Conflict, ErrorCodes.TagExists));
        var page = await OpenAsync("family");
        var before = Nav.Uri;

        await page.Find("#tag-name").ChangeAsync(new ChangeEventArgs { Value = "work" });
        await page.Find("form").SubmitAsync(new());

        Assert.Equal(S.Error(ErrorCodes.TagExists), page.Find("[role=alert]").TextContent);
        Assert.Equal("work", Body("PUT api/v1/friend-tags/family").GetProperty("name").GetString());
        Assert.Equal(before, Nav.Uri);
    }

    [Fact]
    public async Task Tag_Delete_AsksFirst_ThenDeletesAndGoesBackToTheList()
    {
        _server.Answer(HttpMethod.Delete, "api/v1/friend-tags/family", () => new HttpResponseMessage(HttpStatusCode.NoContent));
        var page = await OpenAsync("family");

        await page.FindAll("button").Single(b => b.TextContent == S.DeleteTag).ClickAsync(new());
        var asked = page.Find("#delete-tag-question").TextContent;
        var sentBeforeConfirming = _server.Requests.Contains("DELETE api/v1/friend-tags/family");
        await page.FindAll("button").Single(b => b.TextContent == S.DeleteTag).ClickAsync(new());

        Assert.Equal(S.DeleteTagConfirm("family"), asked);
        Assert.False(sentBeforeConfirming);
        Assert.Contains("DELETE api/v1/friend-tags/family", _server.Requests);
        Assert.Equal(Nav.BaseUri + "contacts/tags", Nav.Uri);
    }

    [Fact]
    public async Task FriendDetail_MyTags_AreSwitchesThatFillTheTagsField()
    {
        _server.Answer(HttpMethod.Patch, "api/v1/friends/u-zhao", () => RecordingHandler.Json(Friend("u-zhao", "Zhao", "work"), Json.FriendInfo));
        await Contacts.RefreshAsync();
        var page = _context.Render<FriendDetail>(p => p.Add(x => x.UserId, "u-zhao"));

        var switches = page.FindAll(".tag-choice");
        await switches.Single(b => b.TextContent == "work").ClickAsync(new());
        var pressed = page.FindAll(".tag-choice").Select(b => (b.TextContent, b.GetAttribute("aria-pressed"))).ToList();
        await page.Find("form").SubmitAsync(new());

        Assert.Equal(S.YourTags, page.Find(".tag-choices").GetAttribute("aria-label"));
        Assert.Equal([("family", "false"), ("work", "true")], pressed);
        Assert.Equal("work", page.Find("#tags").GetAttribute("value"));
        Assert.Equal(["work"], Texts(Body("PATCH api/v1/friends/u-zhao").GetProperty("tags")));
    }
}
