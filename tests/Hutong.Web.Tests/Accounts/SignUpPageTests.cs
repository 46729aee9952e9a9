using System.Net;
using Bunit;
using Hutong.Contracts;
using Hutong.Contracts.Accounts;
using Hutong.Web.Accounts;
using Hutong.Web.Localization;
using Hutong.Web.Tests.Testing;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Web.Tests.Accounts;

public sealed class SignUpPageTests : IAsyncDisposable
{
    private static readonly Strings S = Strings.English;

    private readonly BunitContext _context = new();
    private readonly RecordingHandler _server = new();

    public SignUpPageTests() => _context.AddWebClient(_server, new FakeTimeProvider(Sample.Noon));

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    private static HutongJsonContext Json => HutongJsonContext.Default;

    private static async Task FillAsync(IRenderedComponent<SignUpPage> page, string displayName, string handle, string password)
    {
        await page.Find("#display-name").ChangeAsync(new ChangeEventArgs { Value = displayName });
        await page.Find("#handle").ChangeAsync(new ChangeEventArgs { Value = handle });
        await page.Find("#password").ChangeAsync(new ChangeEventArgs { Value = password });
    }

    [Fact]
    public async Task Submit_EmptyForm_NamesAllThreeFieldsWithoutAsking()
    {
        var page = _context.Render<SignUpPage>();

        await page.Find("form").SubmitAsync(new());

        Assert.Equal(S.DisplayNameRequired, page.Find("#display-name-help.field-error").TextContent);
        Assert.Equal(S.HandleLength, page.Find("#handle-help.field-error").TextContent);
        Assert.Equal(S.PasswordLength, page.Find("#password-help.field-error").TextContent);
        Assert.All(page.FindAll("input"), input => Assert.Equal("true", input.GetAttribute("aria-invalid")));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Submit_OnlyTheHandleWrong_NamesOnlyTheHandle()
    {
        var page = _context.Render<SignUpPage>();
        await FillAsync(page, "Mei", "mei lin", "tea-house-42");

        await page.Find("form").SubmitAsync(new());

        Assert.Equal(S.HandleCharacters, page.Find("#handle-help.field-error").TextContent);
        Assert.Equal(S.DisplayNameHint, page.Find("#display-name-help.field-hint").TextContent);
        Assert.Equal(S.PasswordHint, page.Find("#password-help.field-hint").TextContent);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Submit_HandleTakenOnTheServer_NamesTheHandle()
    {
        _server.Answer(HttpMethod.Post, "api/v1/accounts", () => RecordingHandler.Problem(HttpStatusCode.Conflict, ErrorCodes.HandleTaken));
        var page = _context.Render<SignUpPage>();
        await FillAsync(page, "Mei", " mei ", "tea-house-42");

        await page.Find("form").SubmitAsync(new());

        Assert.Equal(S.HandleTaken, page.Find("#handle-help.field-error").TextContent);
        Assert.Equal(["POST api/v1/accounts"], _server.Requests);
    }

    [Fact]
    public async Task Submit_NameOfFortyEmoji_GoesToTheServer()
    {
        _server.Answer(HttpMethod.Post, "api/v1/accounts", () => RecordingHandler.Problem(HttpStatusCode.Conflict, ErrorCodes.HandleTaken));
        var page = _context.Render<SignUpPage>();
        await FillAsync(page, string.Concat(Enumerable.Repeat("🍵", 40)), "mei", "tea-house-42");

        await page.Find("form").SubmitAsync(new());

        Assert.Null(page.Find("#display-name").GetAttribute("maxlength"));
        Assert.Empty(page.FindAll("#display-name-help.field-error"));
        Assert.Equal(["POST api/v1/accounts"], _server.Requests);
    }

    [Fact]
    public async Task Submit_Accepted_SignsInAndGoesBack()
    {
        _server
            .Answer(HttpMethod.Post, "api/v1/accounts", () => RecordingHandler.Json(new SignUpResponse("u-mei", "mei", "Mei"), Json.SignUpResponse, HttpStatusCode.Created))
            .Answer(HttpMethod.Post, "api/v1/sessions", () => RecordingHandler.Json(new LoginResponse("token", "u-mei", "d-1"), Json.LoginResponse))
            .Answer(HttpMethod.Get, "api/v1/me", () => RecordingHandler.Json(new MeResponse("u-mei", "mei", "Mei", null), Json.MeResponse));
        var nav = _context.Services.GetRequiredService<NavigationManager>();
        nav.NavigateTo("signup?back=chats%2Fc-1");
        var page = _context.Render<SignUpPage>();
        await FillAsync(page, "Mei", "mei", "tea-house-42");

        await page.Find("form").SubmitAsync(new());

        Assert.Equal(["POST api/v1/accounts", "POST api/v1/sessions", "GET api/v1/me"], _server.Requests);
        Assert.Equal(nav.BaseUri + "chats/c-1", nav.Uri);
    }
}
