using System.Net;
using System.Text.Json;
using Bunit;
using Hutong.Contracts;
using Hutong.Contracts.Wallet;
using Hutong.Web.Localization;
using Hutong.Web.Merchants;
using Hutong.Web.Tests.Testing;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Time.Testing;
using static Hutong.Web.Tests.Merchants.MerchantSamples;

namespace Hutong.Web.Tests.Merchants;

/// <summary>The operators' review of merchants, and the platform payment key's rotation beside it.</summary>
public sealed class MerchantReviewTests : IAsyncDisposable
{
    private static readonly MerchantStrings M = Strings.English.Merchants;

    private readonly BunitContext _context = new();
    private readonly RecordingHandler _server = new();
    private int _changed;

    public MerchantReviewTests()
    {
        _context.AddWebClient(_server, new FakeTimeProvider(Sample.Noon));
        _server.Answer(HttpMethod.Get, "api/v1/admin/merchants", () =>
            RecordingHandler.Json(new MerchantList([Merchant(MerchantText.Pending)]), HutongJsonContext.Default.MerchantList));
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    private IRenderedComponent<MerchantReview> Render()
    {
        var review = _context.Render<MerchantReview>(ps => ps.Add(p => p.Changed, () => _changed++));
        review.WaitForAssertion(() => Assert.Single(review.FindAll(".merchant-review-item")));
        return review;
    }

    [Fact]
    public async Task Approve_TakesItOffTheQueue_AndTheStudioCountsAgain()
    {
        _server.Answer(HttpMethod.Post, $"api/v1/admin/merchants/{Id}/approve", () => RecordingHandler.Json(Merchant(), HutongJsonContext.Default.MerchantInfo));
        var review = Render();

        await review.Find("button[aria-label='Approve Tea House Ltd']").ClickAsync(new());

        Assert.Equal(M.MerchantApproved("Tea House Ltd"), review.Find("[role=status]").TextContent);
        Assert.Equal(M.NoMerchantsToReview, review.Find(".list-note").TextContent);
        Assert.Equal(1, _changed);
    }

    [Fact]
    public async Task Reject_NeedsAReason_ThenSendsIt()
    {
        _server.Answer(HttpMethod.Post, $"api/v1/admin/merchants/{Id}/reject", () =>
            RecordingHandler.Json(Merchant(MerchantText.Rejected, "Not a real shop."), HutongJsonContext.Default.MerchantInfo));
        var review = Render();

        await review.Find("button[aria-label='Reject Tea House Ltd']").ClickAsync(new());
        await review.Find("[role=dialog] form").SubmitAsync(new());
        Assert.Equal(M.RejectReasonHint, review.Find("#reject-merchant-reason-hint[role=alert]").TextContent);
        Assert.DoesNotContain($"POST api/v1/admin/merchants/{Id}/reject", _server.Requests);

        await review.Find("#reject-merchant-reason").ChangeAsync(new ChangeEventArgs { Value = " Not a real shop. " });
        await review.Find("[role=dialog] form").SubmitAsync(new());

        var sent = JsonDocument.Parse(_server.Bodies.Single(b => b.Request == $"POST api/v1/admin/merchants/{Id}/reject").Body).RootElement;
        Assert.Equal("Not a real shop.", sent.GetProperty("reason").GetString());
        Assert.Empty(review.FindAll("[role=dialog]"));
        Assert.Equal(M.MerchantRejected("Tea House Ltd"), review.Find("[role=status]").TextContent);
        Assert.Empty(review.FindAll(".merchant-review-item"));
    }

    [Fact]
    public async Task Approve_DecidedMeanwhileByAnotherOperator_SaysSoAndLeavesTheQueue()
    {
        _server.Answer(HttpMethod.Post, $"api/v1/admin/merchants/{Id}/approve", () => RecordingHandler.Problem(HttpStatusCode.Conflict, ErrorCodes.MerchantNotPending));
        var review = Render();

        await review.Find("button[aria-label='Approve Tea House Ltd']").ClickAsync(new());

        Assert.Equal("This merchant has already been reviewed.", review.Find("p.form-error[role=alert]").TextContent);
        Assert.Empty(review.FindAll(".merchant-review-item"));
    }

    [Fact]
    public async Task RotatePlatformKey_AsksFirst_ThenSaysWhichKeySigns()
    {
        _server.Answer(HttpMethod.Post, "api/v1/admin/payments/platform-keys/rotate", () =>
            RecordingHandler.Json(new PlatformKeyRotated("6A1B2C3D"), HutongJsonContext.Default.PlatformKeyRotated));
        var key = _context.Render<PlatformKey>();

        await key.Find("#rotate-platform-key").ClickAsync(new());
        var dialog = key.Find("[role=dialog]");
        Assert.Contains(M.RotateHint, dialog.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("POST api/v1/admin/payments/platform-keys/rotate", _server.Requests);
        await dialog.QuerySelectorAll("button").Single(b => b.TextContent == M.Rotate).ClickAsync(new());

        Assert.Contains("POST api/v1/admin/payments/platform-keys/rotate", _server.Requests);
        Assert.Equal(M.PlatformKeyRotated("6A1B2C3D"), key.Find("[role=status]").TextContent);
        Assert.Empty(key.FindAll("[role=dialog]"));
    }

    [Fact]
    public async Task RotatePlatformKey_Cancelled_RotatesNothing()
    {
        var key = _context.Render<PlatformKey>();

        await key.Find("#rotate-platform-key").ClickAsync(new());
        await key.Find("[role=dialog]").QuerySelectorAll("button").Single(b => b.TextContent == Strings.English.Cancel).ClickAsync(new());

        Assert.Empty(key.FindAll("[role=dialog]"));
        Assert.DoesNotContain("POST api/v1/admin/payments/platform-keys/rotate", _server.Requests);
    }
}
