using System.Net;
using System.Text.Json;
using Bunit;
using Hutong.Contracts;
using Hutong.Contracts.Wallet;
using Hutong.Web.Localization;
using Hutong.Web.Merchants;
using Hutong.Web.Tests.Testing;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Hutong.Web.Tests.Merchants.MerchantSamples;

namespace Hutong.Web.Tests.Merchants;

/// <summary>The merchants page: applying with nothing yet, and where a merchant stands before and after its review.</summary>
public sealed class MerchantsPageTests : IAsyncDisposable
{
    private static readonly MerchantStrings M = Strings.English.Merchants;

    private readonly BunitContext _context = new();
    private readonly RecordingHandler _server = new();
    private List<MerchantInfo> _mine = [];

    public MerchantsPageTests()
    {
        _context.AddWebClient(_server, new FakeTimeProvider(Sample.Noon));
        _server.Answer(HttpMethod.Get, "api/v1/merchants", () => RecordingHandler.Json(new MerchantList(_mine), HutongJsonContext.Default.MerchantList));
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    private IRenderedComponent<MerchantsPage> Render(string? merchantId = null, string? tab = null)
    {
        var page = _context.Render<MerchantsPage>(ps => ps.Add(p => p.MerchantId, merchantId).Add(p => p.Tab, tab));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".list-col [role=status]")));
        return page;
    }

    [Fact]
    public async Task NoMerchantYet_ShowsWhatAMerchantIs_AndTheForm_WhichSaysWhatIsMissingAndSendsNothing()
    {
        var page = Render();

        Assert.Equal(M.ApplyIntro, page.Find(".merchant-intro").TextContent);
        Assert.Contains("has-pane", page.Find(".columns").ClassList);
        Assert.Equal("me/wallet", page.Find(".pane-header .back").GetAttribute("href"));
        await page.Find("#merchant-short-name").ChangeAsync(new ChangeEventArgs { Value = "Tea House" });
        await page.Find("form").SubmitAsync(new());

        Assert.Equal((M.NameRequired, M.ShortNameHint, M.CategoryRequired),
            (page.Find("#merchant-name-hint").TextContent, page.Find("#merchant-short-name-hint").TextContent, page.Find("#merchant-category-hint").TextContent));
        Assert.Equal("true", page.Find("#merchant-name").GetAttribute("aria-invalid"));
        Assert.Equal(M.Name, page.Find("label[for=merchant-name]").TextContent);
        Assert.DoesNotContain("POST api/v1/merchants", _server.Requests);
    }

    [Fact]
    public async Task Apply_SendsTheThreeNames_AndOpensTheNewMerchant()
    {
        _server.Answer(HttpMethod.Post, "api/v1/merchants", () =>
        {
            _mine = [Merchant(MerchantText.Pending)];
            return RecordingHandler.Json(_mine[0], HutongJsonContext.Default.MerchantInfo, HttpStatusCode.Created);
        });
        var page = Render();

        await page.Find("#merchant-name").ChangeAsync(new ChangeEventArgs { Value = " Tea House Ltd " });
        await page.Find("#merchant-short-name").ChangeAsync(new ChangeEventArgs { Value = "Tea House" });
        await page.Find("#merchant-category").ChangeAsync(new ChangeEventArgs { Value = "Tea" });
        await page.Find("form").SubmitAsync(new());

        var body = JsonDocument.Parse(_server.Bodies.Single(b => b.Request == "POST api/v1/merchants").Body).RootElement;
        Assert.Equal(("Tea House Ltd", "Tea House", "Tea"),
            (body.GetProperty("name").GetString(), body.GetProperty("shortName").GetString(), body.GetProperty("category").GetString()));
        Assert.EndsWith($"/merchants/{Id}", _context.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_RefusedOnAField_SaysItUnderTheField()
    {
        _server.Answer(HttpMethod.Post, "api/v1/merchants", () => RecordingHandler.Problem(new ProblemBody(
            null, "invalid", 400, null, ErrorCodes.ValidationFailed, new Dictionary<string, string[]> { ["shortName"] = ["At most 20 characters."] })));
        var page = Render(merchantId: "apply");

        await page.Find("#merchant-name").ChangeAsync(new ChangeEventArgs { Value = "Tea House Ltd" });
        await page.Find("#merchant-short-name").ChangeAsync(new ChangeEventArgs { Value = "Tea House" });
        await page.Find("#merchant-category").ChangeAsync(new ChangeEventArgs { Value = "Tea" });
        await page.Find("form").SubmitAsync(new());

        Assert.Equal("At most 20 characters.", page.Find("#merchant-short-name-hint[role=alert]").TextContent);
        Assert.Empty(page.FindAll("p.form-error"));
    }

    [Fact]
    public void Pending_SaysItWaitsForReview_AndHasNoTabsYet()
    {
        _mine = [Merchant(MerchantText.Pending)];

        var page = Render(Id, "developer");

        Assert.Equal(M.StatePending, page.Find(".list-col .state-flag").TextContent);
        Assert.Contains(M.PendingNote, page.Find(".state-note").TextContent, StringComparison.Ordinal);
        Assert.Equal(MchId, page.Find("#mch-id").TextContent);
        Assert.Empty(page.FindAll(".tabs"));
        Assert.Empty(page.FindAll("#api-v3-key"));
    }

    [Fact]
    public void Rejected_SaysWhy_AndOffersToApplyAgain()
    {
        _mine = [Merchant(MerchantText.Rejected, rejectReason: "The short name is another shop's.")];

        var page = Render(Id);

        var note = page.Find(".state-note.rejected");
        Assert.Contains("The short name is another shop's.", note.TextContent, StringComparison.Ordinal);
        Assert.Equal("merchants/apply", note.QuerySelector("a")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("en", "Overview", "Developer settings", "Money", "Orders")]
    [InlineData("zh-Hans", "概览", "开发配置", "资金", "订单")]
    public async Task Approved_HasItsTabs_InEachLanguage_AndItsMchIdCopies(string language, string overview, string developer, string money, string orders)
    {
        await _context.Services.GetRequiredService<Texts>().ChooseAsync(language);
        _context.JSInterop.Setup<bool>("hutong.copy", MchId).SetResult(true);
        _mine = [Merchant()];

        var page = Render(Id);
        await page.Find("#copy-mch-id").ClickAsync(new());

        Assert.Equal([overview, developer, money, orders], page.FindAll(".tabs a").Select(a => a.TextContent));
        Assert.Equal("page", page.Find(".tabs a.active").GetAttribute("aria-current"));
        Assert.Equal(_context.Services.GetRequiredService<Texts>().S.OfficialAccounts.Copied, page.Find(".copy-row [role=status]").TextContent);
    }
}
