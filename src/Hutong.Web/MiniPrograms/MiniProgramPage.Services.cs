using System.Text.Json;
using System.Text.Json.Nodes;
using Hutong.Client;
using Hutong.Web.Shared;
using Hutong.Contracts.MiniPrograms;
using Hutong.Contracts.Wallet;
using Hutong.Web.Payments;
using Microsoft.JSInterop;

namespace Hutong.Web.MiniPrograms;

/// <summary>
/// The services the runtime's host calls (mini-programs.js forwards them here): what needs the server goes through
/// <see cref="HutongClient"/>, whose session never reaches JavaScript; what needs the person asks them in Hutong's own
/// dialogs. Every answer is <see cref="BridgeAnswers"/> text.
/// </summary>
public sealed partial class MiniProgramPage
{
    private Consent? _consent;
    private (string Title, string Path)? _sharing;
    private TaskCompletionSource<string?>? _scanning;
    private Paying? _paying;

    /// <summary>A <c>wx.requestPayment</c> the cashier shows, and how it closed.</summary>
    private sealed class Paying(PayRequest request)
    {
        public PayRequest Request { get; } = request;

        public TaskCompletionSource<CashierOutcome> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>What the consent dialog asks; <see cref="Templates"/> for subscribe messages, one switch each.</summary>
    private sealed class Consent(string title, string question, string? text, bool canDeny, List<TemplateChoice>? templates = null)
    {
        public string Title { get; } = title;

        public string Question { get; } = question;

        public string? Text { get; } = text;

        public bool CanDeny { get; } = canDeny;

        public List<TemplateChoice>? Templates { get; } = templates;

        public TaskCompletionSource<bool> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class TemplateChoice(SubscribeTemplateInfo info)
    {
        public SubscribeTemplateInfo Info { get; } = info;

        public bool On { get; set; } = true;
    }

    private string AppName => _launch?.Name ?? AppId;

    [JSInvokable]
    public async Task<string> Login()
    {
        try
        {
            var code = await Api.GetMiniProgramLoginCodeAsync(AppId);
            return BridgeAnswers.Ok(new JsonObject { ["code"] = code.Code });
        }
        catch (Exception e) when (e is HutongApiException or HttpRequestException)
        {
            return BridgeAnswers.Failed("login", e);
        }
    }

    [JSInvokable]
    public async Task<string> Request(string url, string method, string headerJson, string? body, bool base64, int? timeout)
    {
        try
        {
            var header = JsonNode.Parse(headerJson) is JsonObject headers
                ? headers.Where(h => h.Value is not null).ToDictionary(h => h.Key, h => h.Value!.ToString(), StringComparer.OrdinalIgnoreCase)
                : [];
            var response = await Api.ProxyMiniProgramRequestAsync(AppId, new ProxyRequest(url, method, header, body, base64, timeout), _launch?.Version);
            return BridgeAnswers.Response(response);
        }
        catch (Exception e) when (e is HutongApiException or HttpRequestException)
        {
            return BridgeAnswers.RequestFailed(e);
        }
        catch (JsonException)
        {
            return BridgeAnswers.Fail("request:fail parameter error: header");
        }
    }

    [JSInvokable]
    public Task<string> SetStorage(string key, string value) =>
        StorageAsync("setStorage", () => Api.SetMiniProgramStorageAsync(AppId, key, value));

    [JSInvokable]
    public Task<string> RemoveStorage(string key) =>
        StorageAsync("removeStorage", () => Api.RemoveMiniProgramStorageAsync(AppId, key));

    [JSInvokable]
    public Task<string> ClearStorage() =>
        StorageAsync("clearStorage", () => Api.ClearMiniProgramStorageAsync(AppId));

    private static async Task<string> StorageAsync(string api, Func<Task<MiniProgramStorage>> change)
    {
        try
        {
            await change();
            return BridgeAnswers.Ok();
        }
        catch (Exception e) when (e is HutongApiException or HttpRequestException)
        {
            return BridgeAnswers.StorageFailed(api, e);
        }
    }

    [JSInvokable]
    public async Task<string> GetUserProfile(string desc)
    {
        var allowed = await AskAsync(new Consent(M.ProfileTitle, M.WouldLikeProfile(AppName), desc, canDeny: true));
        if (!allowed || Session.Me is not { } me)
        {
            return BridgeAnswers.Fail("getUserProfile:fail auth deny");
        }

        var avatar = me.AvatarUrl is { Length: > 0 } url ? new Uri(new Uri(Nav.BaseUri), url).ToString() : "";
        return BridgeAnswers.Ok(new JsonObject
        {
            ["userInfo"] = new JsonObject
            {
                ["nickName"] = me.DisplayName,
                ["avatarUrl"] = avatar,
                ["gender"] = 0,
                ["country"] = "",
                ["province"] = "",
                ["city"] = "",
                ["language"] = T.S.LanguageTag,
            },
        });
    }

    /// <summary>The person's consent first; the browser's own permission and position follow in mini-programs.js.</summary>
    [JSInvokable]
    public async Task<string> AskLocation() =>
        await AskAsync(new Consent(M.LocationTitle, M.WouldLikeLocation(AppName), M.LocationText, canDeny: true))
            ? BridgeAnswers.Ok()
            : BridgeAnswers.Fail("getLocation:fail auth deny");

    [JSInvokable]
    public async Task<string> RequestSubscribeMessage(string idsJson)
    {
        List<string> ids;
        try
        {
            ids = JsonNode.Parse(idsJson) is JsonArray array ? [.. array.Select(n => n?.ToString() ?? "").Where(id => id.Length > 0).Distinct(StringComparer.Ordinal)] : [];
        }
        catch (JsonException)
        {
            ids = [];
        }

        if (ids.Count == 0)
        {
            return BridgeAnswers.Fail("requestSubscribeMessage:fail parameter error: tmplIds should not be empty");
        }

        try
        {
            var templates = (await Api.GetSubscribeTemplatesAsync(AppId, ids)).Templates;
            if (templates.Count == 0)
            {
                return BridgeAnswers.Fail("requestSubscribeMessage:fail No template data return, verify the template id exist");
            }

            var choices = templates.Select(t => new TemplateChoice(t)).ToList();
            var consent = new Consent(M.SubscribeTitle, M.WouldLikeToNotify(AppName), M.SubscribeText, canDeny: true, choices);
            var answered = await AskAsync(consent);
            List<string> accepted = answered ? [.. choices.Where(c => c.On).Select(c => c.Info.TemplateId)] : [];
            List<string> rejected = [.. choices.Select(c => c.Info.TemplateId).Except(accepted, StringComparer.Ordinal)];
            var results = await Api.SubscribeMiniProgramMessagesAsync(AppId, accepted, rejected);
            return BridgeAnswers.Subscribed(ids, results.Results, accepted);
        }
        catch (Exception e) when (e is HutongApiException or HttpRequestException)
        {
            return BridgeAnswers.Fail($"requestSubscribeMessage:fail {Problem.Describe(e, T.S)}");
        }
    }

    /// <summary>
    /// <c>wx.requestPayment</c>: the cashier, with the parameters the app's server made and this app's id (a
    /// mini-program does not pass it; its merchant signed it). WeChat's answer once the cashier closes: ok when paid,
    /// <c>fail cancel</c> when the person closed it, <c>fail {reason}</c> when the order was refused.
    /// </summary>
    [JSInvokable]
    public async Task<string> RequestPayment(string argsJson)
    {
        if (PaymentRequest(_launch?.AppId ?? AppId, argsJson) is not { } request)
        {
            return BridgeAnswers.Fail("requestPayment:fail parameter error");
        }

        _paying?.Outcome.TrySetResult(new CashierCancelled());
        var paying = _paying = new Paying(request);
        StateHasChanged();
        return BridgeAnswers.Payment(await paying.Outcome.Task);
    }

    /// <summary>
    /// The app's <c>{timeStamp, nonceStr, package, signType, paySign}</c> as the node checks them; a number where a
    /// string belongs (a timeStamp, often) is read as its digits. Null when it is not an object.
    /// </summary>
    internal static PayRequest? PaymentRequest(string appId, string argsJson)
    {
        JsonObject args;
        try
        {
            if (JsonNode.Parse(argsJson) is not JsonObject parsed)
            {
                return null;
            }

            args = parsed;
        }
        catch (JsonException)
        {
            return null;
        }

        return PayRequests.From(appId, args);
    }

    private void OnPaid(CashierOutcome outcome)
    {
        var paying = _paying;
        _paying = null;
        paying?.Outcome.TrySetResult(outcome);
    }

    /// <summary>The scanner of Scan (camera or an image), in a dialog over the app; WeChat's answer for a QR code.</summary>
    [JSInvokable]
    public async Task<string> ScanCode(bool onlyFromCamera)
    {
        _scanning?.TrySetResult(null);
        var scanning = _scanning = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        StateHasChanged();
        var text = await scanning.Task;
        return text is null
            ? BridgeAnswers.Fail("scanCode:fail cancel")
            : BridgeAnswers.Ok(new JsonObject { ["result"] = text, ["scanType"] = "QR_CODE", ["charSet"] = "utf-8", ["rawData"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text)) });
    }

    private void OnScanned(string? text)
    {
        var scanning = _scanning;
        _scanning = null;
        scanning?.TrySetResult(text);
    }

    [JSInvokable]
    public Task<string> Copied()
    {
        _toast = M.Copied;
        StateHasChanged();
        return Task.FromResult(BridgeAnswers.Ok());
    }

    /// <summary>A card the app made (onShareAppMessage, or a share button): the person picks the chat.</summary>
    [JSInvokable]
    public Task Share(string title, string path)
    {
        OpenShare(title.Length > 0 ? title : AppName, path.Length > 0 ? path : _launch is { } launch ? FirstPage(launch) ?? "" : "");
        return Task.CompletedTask;
    }

    private void OpenShare(string title, string path)
    {
        _sharing = (title, path);
        StateHasChanged();
    }

    private void OnShared(string? chat)
    {
        _sharing = null;
        _toast = chat is null ? null : M.SharedTo(chat);
    }

    [JSInvokable]
    public Task Close() => InvokeAsync(CloseAsync);

    private async Task<bool> AskAsync(Consent consent)
    {
        _consent?.Answer.TrySetResult(false);
        _consent = consent;
        StateHasChanged();
        return await consent.Answer.Task;
    }

    private void Answer(bool allowed)
    {
        var consent = _consent;
        _consent = null;
        consent?.Answer.TrySetResult(allowed);
    }

    /// <summary>The app is going: whatever it waits for is refused.</summary>
    private void CancelPending()
    {
        Answer(false);
        OnScanned(null);
        OnPaid(new CashierCancelled());
        _sharing = null;
    }
}
