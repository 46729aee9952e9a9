using Bunit;
using Hutong.Contracts;
using Hutong.Contracts.Accounts;
using Hutong.Web.Accounts;
using Hutong.Web.Tests.Testing;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Web.Tests.Accounts;

public sealed class SignInPageTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();
    private readonly RecordingHandler _server = new();

    public SignInPageTests() => _context.AddWebClient(_server, new FakeTimeProvider(Sample.Noon));

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    [Theory]
    [InlineData("chats/c-1", "chats/c-1")]
    [InlineData("/contacts", "contacts")]
    [InlineData("me?tab=devices", "me?tab=devices")]
    public void SafeBack_PathInsideTheApp_IsKept(string back, string expected)
    {
        var safe = SignInPage.SafeBack(back);

        Assert.Equal(expected, safe);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("https://evil.example")]
    [InlineData("//evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("signin")]
    [InlineData("signup?back=chats")]
    // A browser reads "\" as "/" and drops tabs and line breaks, so each of these leads to evil.example.
    [InlineData("\\\\evil.example")]
    [InlineData("\\/evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("\t/\t/evil.example")]
    [InlineData("/\n/evil.example")]
    public void SafeBack_AnythingThatCouldLeaveTheApp_GoesHome(string? back)
    {
        var safe = SignInPage.SafeBack(back);

        Assert.Equal("", safe);
    }

    /// <summary>A token is stored and the server still accepts it; the page is opened with the given back.</summary>
    private NavigationManager SignedInOpening(string back)
    {
        _context.JSInterop.Setup<string?>("hutong.get", "hutong.token").SetResult("token");
        _server
            .Answer(HttpMethod.Get, "api/v1/me", () => RecordingHandler.Json(new MeResponse("u-mei", "mei", "Mei", null), HutongJsonContext.Default.MeResponse))
            .Answer(HttpMethod.Get, "api/v1/me/devices", () => RecordingHandler.Json(new DeviceList([]), HutongJsonContext.Default.DeviceList));
        var nav = _context.Services.GetRequiredService<NavigationManager>();
        nav.NavigateTo("signin?back=" + Uri.EscapeDataString(back));
        return nav;
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("\\\\evil.example")]
    public void Render_AlreadySignedInWithAForeignBack_StaysInTheApp(string back)
    {
        // Read first: leaving the app moves the base address too.
        var home = _context.Services.GetRequiredService<NavigationManager>().BaseUri;
        var nav = SignedInOpening(back);

        var page = _context.Render<SignInPage>();

        page.WaitForAssertion(() => Assert.Equal(home, nav.Uri));
    }

    [Fact]
    public void Render_AlreadySignedInWithAnAppBack_GoesThere()
    {
        var nav = SignedInOpening("chats/c-1");

        var page = _context.Render<SignInPage>();

        page.WaitForAssertion(() => Assert.Equal(nav.BaseUri + "chats/c-1", nav.Uri));
    }

    [Fact]
    public async Task SignIn_HeldBackAfterFailedSignIns_SaysHowLongToWait()
    {
        _server.Answer(HttpMethod.Post, "api/v1/sessions", () => RecordingHandler.Problem(System.Net.HttpStatusCode.TooManyRequests, ErrorCodes.RateLimited, retryAfter: 14 * 60 + 20));
        var page = _context.Render<SignInPage>();

        await page.Find("#handle").ChangeAsync(new ChangeEventArgs { Value = "mei" });
        await page.Find("#password").ChangeAsync(new ChangeEventArgs { Value = "tea-house-42" });
        await page.Find("form").SubmitAsync(new());

        Assert.Equal("Too many attempts. Try again in 15 minutes.", page.Find("[role=alert]").TextContent);
    }
}
