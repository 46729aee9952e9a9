using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hutong.OfficialAccounts.Accounts;
using Microsoft.AspNetCore.Http;

namespace Hutong.OfficialAccounts.AppApi;

/// <summary>
/// What every app API endpoint does the same way: the access token to its account, the body read as JSON whatever its
/// Content-Type says, and answers in WeChat's shape (HTTP 200, <c>{errcode, errmsg}</c> on error). Each feature maps
/// its own <c>/cgi-bin/</c> endpoints with these (<see cref="WeChatApi"/> lists them).
/// </summary>
public static class AppCall
{
    private const int MaxBody = 1024 * 1024;

    internal static async Task<(OfficialAccount? Account, JsonObject? Json, WeChatError? Error)> OpenAsync(
        HttpRequest request, string? accessToken, AccessTokens tokens, IOfficialAccountStore accounts, CancellationToken cancellationToken)
    {
        var (account, error) = await AuthAsync(accessToken, tokens, accounts, cancellationToken);
        if (error is not null)
        {
            return (null, null, error);
        }

        var body = await BodyAsync(request, cancellationToken);
        return body.Error is not null ? (null, null, body.Error) : (account, body.Json, null);
    }

    internal static async Task<(OfficialAccount? Account, WeChatError? Error)> AuthAsync(
        string? accessToken, AccessTokens tokens, IOfficialAccountStore accounts, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(accessToken))
        {
            return (null, WeChatErrors.MissingAccessToken);
        }

        var accountId = await tokens.AccountOfAsync(accessToken, cancellationToken);
        var account = accountId is { } id ? await accounts.FindAsync(id, cancellationToken) : null;
        if (account is null)
        {
            return (null, WeChatErrors.InvalidCredential);
        }

        return account.IsActive ? (account, null) : (null, WeChatErrors.Unauthorized);
    }

    internal static async Task<(OfficialAccount? Account, WeChatError? Error)> CredentialsAsync(
        string? appId, string? secret, IOfficialAccountStore accounts, CancellationToken cancellationToken)
    {
        var account = string.IsNullOrEmpty(appId) || appId.Length > 64 ? null : await accounts.FindByAppIdAsync(appId, cancellationToken);
        if (account is null)
        {
            return (null, WeChatErrors.InvalidAppId);
        }

        return OfficialAccountService.SecretMatches(account, secret) ? (account, null) : (null, WeChatErrors.InvalidAppSecret);
    }

    /// <summary>The body as a JSON object, whatever its Content-Type says; 44002 when empty, 47001 when not JSON.</summary>
    public static async Task<(JsonObject? Json, WeChatError? Error)> BodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBody)
            {
                return (null, WeChatErrors.DataFormat);
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return (null, WeChatErrors.EmptyPostData);
        }

        try
        {
            return JsonNode.Parse(buffer.ToArray()) is JsonObject json ? (json, null) : (null, WeChatErrors.DataFormat);
        }
        catch (JsonException)
        {
            return (null, WeChatErrors.DataFormat);
        }
    }

    public static string? Text(JsonObject? json, string name) =>
        json?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static int? Number(JsonObject? json, string name) => json?[name] switch
    {
        JsonValue value when value.TryGetValue<int>(out var number) => number,
        JsonValue value when value.TryGetValue<string>(out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    public static IResult Error(WeChatError error) => Json(new JsonObject { ["errcode"] = error.Code, ["errmsg"] = error.Message });

    public static IResult Ok() => Error(WeChatErrors.Ok);

    public static IResult Json(JsonObject body) => Results.Text(body.ToJsonString(), "application/json; charset=utf-8");
}
