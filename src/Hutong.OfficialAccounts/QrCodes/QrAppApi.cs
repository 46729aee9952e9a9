using System.Globalization;
using System.Text.Json.Nodes;
using Hutong.Contracts;
using Hutong.Contracts.OfficialAccounts;
using Hutong.OfficialAccounts.Accounts;
using Hutong.OfficialAccounts.AppApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static Hutong.OfficialAccounts.AppApi.AppCall;

namespace Hutong.OfficialAccounts.QrCodes;

/// <summary>
/// WeChat's parameter QR codes in the app API: <c>qrcode/create</c> answers <c>{ticket, expire_seconds, url}</c> as
/// WeChat does (no <c>expire_seconds</c> for a permanent code), and <c>showqrcode</c> serves the image to anyone who
/// holds the ticket.
/// </summary>
internal static class QrAppApi
{
    public static RouteGroupBuilder MapQrCodes(this RouteGroupBuilder api)
    {
        api.MapPost("/qrcode/create", Create);
        api.MapGet("/showqrcode", Show);
        return api;
    }

    private static async Task<IResult> Create(
        HttpRequest request, string? access_token, AccessTokens tokens, IOfficialAccountStore accounts, QrCodeService codes, CancellationToken cancellationToken)
    {
        var (account, json, error) = await OpenAsync(request, access_token, tokens, accounts, cancellationToken);
        if (error is not null)
        {
            return Error(error);
        }

        var action = Text(json, "action_name");
        bool? permanent = action switch
        {
            "QR_SCENE" or "QR_STR_SCENE" => false,
            "QR_LIMIT_SCENE" or "QR_LIMIT_STR_SCENE" => true,
            _ => null,
        };
        if (permanent is null)
        {
            return Error(WeChatErrors.InvalidActionName);
        }

        // The action names the kind of scene; the other kind, if sent as well, is not read (WeChat's way).
        var scene = (json!["action_info"] as JsonObject)?["scene"] as JsonObject;
        var byString = action is "QR_STR_SCENE" or "QR_LIMIT_STR_SCENE";
        var sceneId = byString ? null : Long(scene, "scene_id");
        var sceneStr = byString ? Text(scene, "scene_str") : null;
        if (sceneId is null && sceneStr is null)
        {
            return Error(WeChatErrors.InvalidActionInfo);
        }

        int? lifetime = null;
        if (permanent is false && json["expire_seconds"] is { } given)
        {
            if (Long(json, "expire_seconds") is not ({ } seconds and > 0))
            {
                return Error(WeChatErrors.DataFormat);
            }

            // WeChat documents 30 days as the most a code lives: a longer ask gets that, and the answer says so.
            lifetime = (int)Math.Min(seconds, QrCodeService.MaxLifetimeSeconds);
        }

        var created = await codes.CreateAsync(account!, new CreateQrCodeRequest(permanent.Value, sceneId, sceneStr, lifetime), cancellationToken);
        if (!created.IsSuccess)
        {
            return Error(created.Error.Code == ErrorCodes.TooManyQrCodes ? WeChatErrors.QrCodeLimit : WeChatErrors.InvalidActionInfo);
        }

        var code = created.Value.Code;
        var answer = new JsonObject { ["ticket"] = code.Ticket };
        if (code.ExpiresAt is { } expires)
        {
            answer["expire_seconds"] = (long)Math.Round((expires - code.CreatedAt).TotalSeconds);
        }

        answer["url"] = QrLinks.Url(QrLinks.Origin(request), code);
        return Json(answer);
    }

    /// <summary>The code's PNG; 404 for a ticket that is unknown or expired, as WeChat's <c>showqrcode</c> answers.</summary>
    private static async Task<IResult> Show(HttpRequest request, string? ticket, QrCodeService codes, CancellationToken cancellationToken) =>
        await codes.LiveAsync(ticket, cancellationToken) is { } code
            ? Results.File(Core.Qr.QrCodes.Png(QrLinks.Url(QrLinks.Origin(request), code)), "image/png")
            : Results.NotFound();

    private static long? Long(JsonObject? json, string name) => json?[name] switch
    {
        JsonValue value when value.TryGetValue<long>(out var number) => number,
        JsonValue value when value.TryGetValue<string>(out var text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };
}
