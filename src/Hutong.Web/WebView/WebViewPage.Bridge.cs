using System.Text.Json;
using System.Text.Json.Nodes;
using Hutong.Client;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Contracts.Wallet;
using Hutong.Web.Payments;
using Hutong.Web.Shared;
using Microsoft.JSInterop;

namespace Hutong.Web.WebView;

/// <summary>
/// What the page in the web view may ask of the client, by <c>postMessage</c> (web-view.js hands each message over,
/// with whether it came from this page's frame; only those are answered, and only to that frame, at its origin):
/// <list type="bullet">
/// <item><c>hello</c> and <c>title</c> from the JS bridge (the node's <c>jweixin-1.6.0.js</c>): the client answers
/// <c>ready</c>, and shows the page's title;</item>
/// <item><c>invoke</c>: <c>getBrandWCPayRequest</c> opens the cashier with the page's parameters (the node's preview
/// decides whether they are an order's, signed by its merchant, for this person) and answers WeChat's <c>err_msg</c>;
/// <c>closeWindow</c> closes the web view;</item>
/// <item><c>authorize</c> from the node's own <c>/connect/oauth2/authorize</c> page (this client's origin only): web
/// authorization on the signed-in person's behalf, answered with where the page goes next.</item>
/// </list>
/// </summary>
public sealed partial class WebViewPage
{
    /// <summary>The node's web authorization page, which runs in the frame at the client's own origin.</summary>
    private const string AuthorizePath = "/connect/oauth2/authorize";

    /// <summary>The longest page title shown; a page's title is its own words, shown as text.</summary>
    private const int MaxTitle = 64;

    private string? _title;
    private string? _pageOrigin;
    private string? _pageUrl;
    private Paying? _paying;

    /// <summary>A <c>getBrandWCPayRequest</c> the cashier shows, and how it closed.</summary>
    private sealed class Paying(PayRequest request)
    {
        public PayRequest Request { get; } = request;

        public TaskCompletionSource<CashierOutcome> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>
    /// A message posted to the client. <paramref name="fromFrame"/> says whether it came from this web view's page:
    /// anything else (another window, another frame) is not heard. The answer is JSON for that page, or null for none.
    /// </summary>
    [JSInvokable]
    public async Task<string?> OnMessage(bool fromFrame, string origin, string dataJson)
    {
        if (!fromFrame || _page is null || Parse(dataJson) is not { } data)
        {
            return null;
        }

        switch (Text(data, "hutong"))
        {
            case "authorize" when IsOwnOrigin(origin):
                return await AuthorizeAsync(data);
            case "hello" when IsWebOrigin(origin):
                Identify(origin, data);
                return new JsonObject { ["hutong"] = "ready" }.ToJsonString();
            case "title" when IsWebOrigin(origin):
                Identify(origin, data);
                return null;
            case "invoke" when IsWebOrigin(origin):
                return await InvokeAsync(data);
            default:
                return null;
        }
    }

    /// <summary>The frame loaded a page: what the last one said about itself (its title, its address) is forgotten.</summary>
    [JSInvokable]
    public Task OnLoaded() => InvokeAsync(() =>
    {
        (_title, _pageOrigin, _pageUrl) = (null, null, null);
        StateHasChanged();
    });

    private void Identify(string origin, JsonObject data)
    {
        _pageOrigin = origin;
        if (Text(data, "title") is { } title)
        {
            title = title.Trim();
            _title = title.Length > MaxTitle ? title[..MaxTitle] + "…" : title;
        }

        // The page's own address, for Open in browser, only when it is at the origin the message came from.
        _pageUrl = WebLinks.Page(Text(data, "url")) is { } url && string.Equals(OriginOf(url), origin, StringComparison.OrdinalIgnoreCase)
            ? url.AbsoluteUri
            : _pageUrl;
        StateHasChanged();
    }

    private async Task<string?> InvokeAsync(JsonObject data)
    {
        JsonObject res;
        switch (Text(data, "name"))
        {
            case "getBrandWCPayRequest":
                res = await PayAsync(data["args"] as JsonObject);
                break;
            case "closeWindow":
                Close();
                return null;
            default:
                res = new JsonObject { ["err_msg"] = "system:function_not_exist" };
                break;
        }

        return new JsonObject { ["hutong"] = "result", ["id"] = data["id"]?.DeepClone(), ["res"] = res }.ToJsonString();
    }

    /// <summary>The cashier, with the page's parameters; WeChat's answer once it closes.</summary>
    private async Task<JsonObject> PayAsync(JsonObject? args)
    {
        if (args is null)
        {
            return WebBridgeAnswers.Fail("parameter error");
        }

        _paying?.Outcome.TrySetResult(new CashierCancelled());
        var paying = _paying = new Paying(PayRequests.From(PayRequests.Text(args, "appId"), args));
        StateHasChanged();
        return WebBridgeAnswers.Payment(await paying.Outcome.Task);
    }

    private void OnPaid(CashierOutcome outcome)
    {
        var paying = _paying;
        _paying = null;
        paying?.Outcome.TrySetResult(outcome);
    }

    /// <summary>The web view is closing or opening something else: a payment it waits for is cancelled.</summary>
    private void CancelPending() => OnPaid(new CashierCancelled());

    /// <summary>
    /// Web authorization for the node's authorize page: the client asks the node on the signed-in person's behalf and
    /// tells the page where to go (its <c>redirect_uri</c> with a code), or why it cannot.
    /// </summary>
    private async Task<string> AuthorizeAsync(JsonObject data)
    {
        var request = new WebAuthorizeRequest(Text(data, "appId"), Text(data, "redirectUri"), Text(data, "scope"), Text(data, "state"), Text(data, "responseType"));
        try
        {
            var answer = await Api.AuthorizeWebPageAsync(request);
            return new JsonObject { ["hutong"] = "redirect", ["url"] = answer.RedirectUrl }.ToJsonString();
        }
        catch (Exception e) when (e is HutongApiException or HttpRequestException)
        {
            return new JsonObject { ["hutong"] = "error", ["message"] = Problem.Describe(e, T.S) }.ToJsonString();
        }
    }

    private bool IsOwnOrigin(string origin) => string.Equals(origin, OriginOf(new Uri(Nav.BaseUri)), StringComparison.OrdinalIgnoreCase);

    /// <summary>An http or https origin: a sandboxed page without its own origin ("null") gets no answers.</summary>
    private static bool IsWebOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.AbsolutePath == "/";

    private static string OriginOf(Uri uri) => uri.GetLeftPart(UriPartial.Authority);

    private static JsonObject? Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonObject data, string name) =>
        data[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
