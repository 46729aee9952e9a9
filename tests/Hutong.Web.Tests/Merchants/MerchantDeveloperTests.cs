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

/// <summary>Developer settings: the API v3 key, API keys as PEM, and the apps a merchant charges through.</summary>
public sealed class MerchantDeveloperTests : IAsyncDisposable
{
    private const string SetKey = $"PUT api/v1/merchants/{Id}/api-v3-key";
    private const string Serial = "5157F09D72B6F2B3B8A0A3D5D6E54D0BC2F1A0E9";

    private static readonly MerchantStrings M = Strings.English.Merchants;

    private readonly BunitContext _context = new();
    private readonly RecordingHandler _server = new();
    private MerchantInfo _merchant = Merchant();

    public MerchantDeveloperTests()
    {
        _context.AddWebClient(_server, new FakeTimeProvider(Sample.Noon));
        _server.Answer(HttpMethod.Get, $"api/v1/merchants/{Id}", () => RecordingHandler.Json(_merchant, HutongJsonContext.Default.MerchantInfo));
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    private IRenderedComponent<MerchantDeveloper> Render() => _context.Render<MerchantDeveloper>(ps => ps.Add(p => p.Merchant, _merchant));

    [Theory]
    [InlineData("")]
    [InlineData("abc123")]
    [InlineData("0123456789abcdefghijklmnopqrstu!")]
    public async Task ApiV3Key_NotThirtyTwoLettersAndDigits_IsRefusedBeforeTheServer(string key)
    {
        var tab = Render();

        await tab.Find("#api-v3-key").InputAsync(new ChangeEventArgs { Value = key });
        await tab.Find("form").SubmitAsync(new());

        Assert.Equal(M.ApiV3KeyInvalid, tab.Find("#api-v3-key-hint[role=alert]").TextContent);
        Assert.Equal("true", tab.Find("#api-v3-key").GetAttribute("aria-invalid"));
        Assert.DoesNotContain(SetKey, _server.Requests);
    }

    [Fact]
    public async Task Generate_FillsARandomKey_SaysToKeepIt_AndSaveSendsItOnce()
    {
        _server.Answer(HttpMethod.Put, $"api/v1/merchants/{Id}/api-v3-key", () =>
        {
            _merchant = _merchant with { HasApiV3Key = true };
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        });
        var tab = Render();
        Assert.Empty(tab.FindAll(".secret-warning"));

        await tab.Find("#generate-v3-key").ClickAsync(new());
        var first = tab.Find("#api-v3-key").GetAttribute("value")!;
        await tab.Find("#generate-v3-key").ClickAsync(new());
        var key = tab.Find("#api-v3-key").GetAttribute("value")!;

        Assert.Matches("^[A-Za-z0-9]{32}$", key);
        Assert.NotEqual(first, key);
        Assert.Equal(M.KeepKeyNow, tab.Find(".secret-warning[role=alert]").TextContent.Trim());
        await tab.Find("form").SubmitAsync(new());

        var sent = JsonDocument.Parse(_server.Bodies.Single(b => b.Request == SetKey).Body).RootElement;
        Assert.Equal(key, sent.GetProperty("key").GetString());
        Assert.Equal(M.ApiV3KeySaved, tab.Find("form [role=status]").TextContent);
        Assert.Equal("", tab.Find("#api-v3-key").GetAttribute("value"));
        Assert.Empty(tab.FindAll(".secret-warning"));
        Assert.Equal(M.ApiV3KeySet, tab.Find("#v3-key-state").TextContent);
    }

    [Fact]
    public async Task ApiKey_NotPem_IsRefusedBeforeTheServer_AndAPemIsSentAndListedBySerial()
    {
        _server.Answer(HttpMethod.Post, $"api/v1/merchants/{Id}/keys", () =>
        {
            _merchant = _merchant with { Keys = [new MerchantKeyInfo(Serial, Sample.Noon)] };
            return RecordingHandler.Json(_merchant.Keys[0], HutongJsonContext.Default.MerchantKeyInfo, HttpStatusCode.Created);
        });
        var tab = Render();
        var form = tab.Find("#merchant-pem").Closest("form")!;

        await tab.Find("#merchant-pem").ChangeAsync(new ChangeEventArgs { Value = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA" });
        await form.SubmitAsync(new());
        Assert.Equal(M.PublicKeyPemInvalid, tab.Find("#merchant-pem-hint[role=alert]").TextContent);
        Assert.DoesNotContain($"POST api/v1/merchants/{Id}/keys", _server.Requests);

        const string pem = "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC KEY-----";
        await tab.Find("#merchant-pem").ChangeAsync(new ChangeEventArgs { Value = pem + "\n" });
        await tab.Find("#merchant-pem").Closest("form")!.SubmitAsync(new());

        var sent = JsonDocument.Parse(_server.Bodies.Single(b => b.Request == $"POST api/v1/merchants/{Id}/keys").Body).RootElement;
        Assert.Equal(pem, sent.GetProperty("publicKey").GetString());
        Assert.Equal(Serial, tab.Find(".merchant-keys code").TextContent);
        Assert.Equal(M.KeyAdded(Serial), tab.Find("[role=status]").TextContent);
    }

    [Fact]
    public async Task ApiKey_TheServerRefusesThePem_SaysWhyUnderTheField()
    {
        _server.Answer(HttpMethod.Post, $"api/v1/merchants/{Id}/keys", () => RecordingHandler.Problem(new ProblemBody(
            null, "invalid", 400, null, ErrorCodes.ValidationFailed, new Dictionary<string, string[]> { ["publicKey"] = ["An RSA key of at least 2048 bits."] })));
        var tab = Render();

        await tab.Find("#merchant-pem").ChangeAsync(new ChangeEventArgs { Value = "-----BEGIN PUBLIC KEY-----\nMFww\n-----END PUBLIC KEY-----" });
        await tab.Find("#merchant-pem").Closest("form")!.SubmitAsync(new());

        Assert.Equal("An RSA key of at least 2048 bits.", tab.Find("#merchant-pem-hint[role=alert]").TextContent);
        Assert.Empty(tab.FindAll("p.form-error"));
    }

    [Fact]
    public async Task Revoke_AsksFirst_ThenTheKeyIsGone()
    {
        _merchant = Merchant(keys: [new MerchantKeyInfo(Serial, Sample.Noon)]);
        _server.Answer(HttpMethod.Delete, $"api/v1/merchants/{Id}/keys/{Serial}", () =>
        {
            _merchant = _merchant with { Keys = [] };
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        });
        var tab = Render();

        await tab.Find($"button[aria-label='{M.RevokeNamed(Serial)}']").ClickAsync(new());
        Assert.DoesNotContain($"DELETE api/v1/merchants/{Id}/keys/{Serial}", _server.Requests);
        var dialog = tab.Find("[role=dialog]");
        Assert.Contains(M.RevokeHint, dialog.TextContent, StringComparison.Ordinal);
        await dialog.QuerySelectorAll("button").Single(b => b.TextContent == M.Revoke).ClickAsync(new());

        Assert.Contains($"DELETE api/v1/merchants/{Id}/keys/{Serial}", _server.Requests);
        Assert.Empty(tab.FindAll(".merchant-keys"));
        Assert.Equal(M.NoKeys, tab.Find("section[aria-labelledby=keys-title] .list-note").TextContent);
        Assert.Equal(M.KeyRevoked(Serial), tab.Find("[role=status]").TextContent);
    }

    [Theory]
    [InlineData(ErrorCodes.AppNotAdministered, "You do not run an official account or mini-program with that app ID.")]
    public async Task Bind_AnAppTheOwnerDoesNotRun_SaysSoUnderTheField(string code, string expected)
    {
        _server.Answer(HttpMethod.Put, $"api/v1/merchants/{Id}/apps/wx9999999999999999", () => RecordingHandler.Problem(HttpStatusCode.NotFound, code));
        var tab = Render();

        await tab.Find("#bind-app-id").ChangeAsync(new ChangeEventArgs { Value = " wx9999999999999999 " });
        await tab.Find("#bind-app-id").Closest("form")!.SubmitAsync(new());

        Assert.Equal(expected, tab.Find("#bind-app-id-hint[role=alert]").TextContent);
        Assert.Equal("true", tab.Find("#bind-app-id").GetAttribute("aria-invalid"));
        Assert.Equal(M.NoApps, tab.Find("section[aria-labelledby=apps-title] .list-note").TextContent);
    }

    [Fact]
    public async Task Bind_ThenUnbind_ListsTheAppByName_AndThenNot()
    {
        const string appId = "wx0123456789abcdef";
        _server.Answer(HttpMethod.Put, $"api/v1/merchants/{Id}/apps/{appId}", () =>
        {
            _merchant = _merchant with { Apps = [new MerchantAppInfo(appId, "Tea Notes")] };
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        });
        _server.Answer(HttpMethod.Delete, $"api/v1/merchants/{Id}/apps/{appId}", () =>
        {
            _merchant = _merchant with { Apps = [] };
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        });
        var tab = Render();

        await tab.Find("#bind-app-id").ChangeAsync(new ChangeEventArgs { Value = appId });
        await tab.Find("#bind-app-id").Closest("form")!.SubmitAsync(new());
        Assert.Equal(["Tea Notes"], tab.FindAll(".merchant-apps .follower-name").Select(n => n.TextContent));
        Assert.Equal(M.AppBound("Tea Notes"), tab.Find("[role=status]").TextContent);
        Assert.Equal("", tab.Find("#bind-app-id").GetAttribute("value"));

        await tab.Find("button[aria-label='Unbind Tea Notes']").ClickAsync(new());

        Assert.Empty(tab.FindAll(".merchant-apps"));
        Assert.Equal(M.AppUnbound("Tea Notes"), tab.Find("[role=status]").TextContent);
    }
}
