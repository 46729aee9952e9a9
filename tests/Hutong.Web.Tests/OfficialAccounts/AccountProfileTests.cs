using System.Net;
using System.Text.Json;
using Bunit;
using Hutong.Contracts;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Web.OfficialAccounts;
using Hutong.Web.Tests.Testing;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Web.Tests.OfficialAccounts;

/// <summary>Following from an account's page tells the account how: a scanned code's ticket, search, or the page itself.</summary>
public sealed class AccountProfileTests : IAsyncDisposable
{
    private const string Id = "oa-1";

    private readonly BunitContext _context = new();
    private readonly RecordingHandler _server = new();

    public AccountProfileTests()
    {
        _context.AddWebClient(_server, new FakeTimeProvider(Sample.Noon));
        _server.Answer(HttpMethod.Get, $"api/v1/official-accounts/{Id}", () => RecordingHandler.Json(Account(following: false), HutongJsonContext.Default.OfficialAccountInfo));
        _server.Answer(HttpMethod.Put, $"api/v1/official-accounts/{Id}/follow", () => RecordingHandler.Json(Account(following: true), HutongJsonContext.Default.OfficialAccountInfo));
        _server.Answer(HttpMethod.Post, $"api/v1/official-accounts/{Id}/scans", () => RecordingHandler.Json(Account(following: false), HutongJsonContext.Default.OfficialAccountInfo));
        _server.Answer(HttpMethod.Get, "api/v1/official-accounts/threads", () =>
            RecordingHandler.Json(new AccountThreadList([], [new AccountThreadSummary(Account(following: true), null, 0)]), HutongJsonContext.Default.AccountThreadList));
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    private static OfficialAccountInfo Account(bool following) =>
        new(Id, OfficialAccountKinds.Subscription, "Tea Notes", "Notes on tea.", null, "gh_0123456789ab", following ? 4 : 3, following, false);

    private JsonElement Follow() => JsonDocument.Parse(_server.Bodies.Single(b => b.Request == $"PUT api/v1/official-accounts/{Id}/follow").Body).RootElement;

    [Theory]
    [InlineData("Tk-9_zQ", null, "qr")]
    [InlineData(null, "search", "search")]
    [InlineData(null, null, "profile")]
    public async Task Follow_SaysWhereFrom_AndPassesTheTicketOnlyWhenThereIsOne(string? ticket, string? from, string scene)
    {
        var page = _context.Render<AccountProfile>(ps => ps.Add(p => p.AccountId, Id).Add(p => p.Ticket, ticket).Add(p => p.From, from));
        page.WaitForAssertion(() => Assert.Equal("Tea Notes", page.Find(".profile-name").TextContent));

        await page.FindAll("button").Single(b => b.TextContent.Trim() == "Follow").ClickAsync(new());

        var sent = Follow();
        Assert.Equal(scene, sent.GetProperty("scene").GetString());
        Assert.Equal("en", sent.GetProperty("language").GetString());
        if (ticket is null)
        {
            Assert.True(!sent.TryGetProperty("ticket", out var none) || none.ValueKind == JsonValueKind.Null);
        }
        else
        {
            Assert.Equal(ticket, sent.GetProperty("ticket").GetString());
        }

        page.WaitForAssertion(() => Assert.Equal("4 followers", page.Find(".oa-followers").TextContent));
        Assert.Single(page.FindAll("a.button"), a => a.GetAttribute("href") == $"oa/{Id}/thread");
    }

    [Fact]
    public void AScannedCode_OfAnAccountFollowedAlready_IsReported_AndOpensTheThread()
    {
        _server.Answer(HttpMethod.Post, $"api/v1/official-accounts/{Id}/scans", () => RecordingHandler.Json(Account(following: true), HutongJsonContext.Default.OfficialAccountInfo));
        var nav = _context.Services.GetRequiredService<NavigationManager>();

        var page = _context.Render<AccountProfile>(ps => ps.Add(p => p.AccountId, Id).Add(p => p.Ticket, "Tk-9_zQ"));

        page.WaitForAssertion(() => Assert.EndsWith($"oa/{Id}/thread", nav.Uri, StringComparison.Ordinal));
        Assert.Equal("Tk-9_zQ", JsonDocument.Parse(_server.Bodies.Single(b => b.Request == $"POST api/v1/official-accounts/{Id}/scans").Body).RootElement.GetProperty("ticket").GetString());
    }

    [Fact]
    public async Task AnExpiredCode_SaysSo_AndAFollowThenCarriesNoTicket()
    {
        _server.Answer(HttpMethod.Post, $"api/v1/official-accounts/{Id}/scans", () => RecordingHandler.Problem(HttpStatusCode.NotFound, ErrorCodes.QrCodeInvalid));

        var page = _context.Render<AccountProfile>(ps => ps.Add(p => p.AccountId, Id).Add(p => p.Ticket, "Tk-old"));
        page.WaitForAssertion(() => Assert.Equal("This QR code has expired or is not valid. Ask for a new one.", page.Find("[role=alert]").TextContent));
        await page.FindAll("button").Single(b => b.TextContent.Trim() == "Follow").ClickAsync(new());

        var sent = Follow();
        Assert.True(!sent.TryGetProperty("ticket", out var none) || none.ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public void UnknownAccount_SaysThereIsNone()
    {
        _server.Answer(HttpMethod.Get, $"api/v1/official-accounts/{Id}", () => RecordingHandler.Problem(HttpStatusCode.NotFound, ErrorCodes.AccountNotFound));

        var page = _context.Render<AccountProfile>(ps => ps.Add(p => p.AccountId, Id));

        page.WaitForAssertion(() => Assert.Equal("No such official account.", page.Find("[role=alert]").TextContent));
        Assert.Empty(page.FindAll("button"));
    }

    [Fact]
    public void PublishedArticles_AreListed_EachOpeningInTheClient()
    {
        _server.Answer(HttpMethod.Get, $"api/v1/official-accounts/{Id}/articles/published?limit=10", () => RecordingHandler.Json(new ArticleList(
            [new ArticleSummary("art-1", "Spring tea", null, "Picked early", "Lin", Sample.Noon, Sample.Noon, Sample.Noon, "/a/art-1", 12, 3)], null),
            HutongJsonContext.Default.ArticleList));

        var page = _context.Render<AccountProfile>(ps => ps.Add(p => p.AccountId, Id));

        page.WaitForAssertion(() => Assert.Equal("articles/art-1", page.Find("a.oa-article").GetAttribute("href")));
        Assert.Equal("Spring tea", page.Find(".oa-article-title").TextContent);
        Assert.EndsWith("Reads 12", page.Find(".oa-article-meta").TextContent, StringComparison.Ordinal);
    }
}
