using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hutong.Contracts.MiniPrograms;
using Hutong.MiniPrograms.AppApi;
using Hutong.MiniPrograms.Apps;
using Hutong.MiniPrograms.Login;
using Hutong.OfficialAccounts.AppApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static Hutong.OfficialAccounts.AppApi.AppCall;

namespace Hutong.MiniPrograms.CloudStorage;

/// <summary>
/// The game's server writing a person's hosted data as WeChat's does: <c>/wxa/set_user_storage</c>
/// (<c>{kv_list: [{key, value}]}</c>), <c>/wxa/remove_user_storage</c> (<c>{key: [...]}</c>) and
/// <c>/wxa/checksession</c>. Besides the access token, each call carries the person's login signature:
/// hmac_sha256 of the POST body (empty for a GET) keyed with their current session key (the text
/// <c>jscode2session</c> gave, as WeChat keys it), in hex. Answers are <c>{errcode, errmsg}</c> with HTTP 200.
/// </summary>
public static class UserStorageApi
{
    public static readonly WeChatError InvalidSignature = new(87009, "invalid signature");
    public static readonly WeChatError ItemTooLong = new(87016, "some key-value in list meet length exceed");
    public static readonly WeChatError TooManyItems = new(87018, "user storage key-value count exceed");
    public static readonly WeChatError KeyTooLong = new(87019, "some key in list meet length exceed");

    private const string SigMethod = "hmac_sha256";
    private const int MaxBody = 1024 * 1024;

    public static IEndpointRouteBuilder MapUserStorageApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/wxa").WithTags("Mini-programs (WeChat)").AllowAnonymous();
        api.MapPost("/set_user_storage", Set);
        api.MapPost("/remove_user_storage", Remove);
        api.MapGet("/checksession", CheckSession);
        return app;
    }

    private static async Task<IResult> Set(
        HttpRequest request, string? access_token, string? openid, string? signature, string? sig_method,
        MiniProgramTokens tokens, ILoginStore logins, CloudStorageService storage, CancellationToken cancellationToken)
    {
        var call = await OpenAsync(request, access_token, openid, signature, sig_method, tokens, logins, cancellationToken);
        if (call.Error is not null)
        {
            return Error(call.Error);
        }

        if (call.Json!["kv_list"] is not JsonArray list)
        {
            return Error(WeChatErrors.DataFormat);
        }

        var items = new List<KVData>();
        foreach (var node in list)
        {
            if (node is not JsonObject item || Text(item, "key") is not { } key || Text(item, "value") is not { } value)
            {
                return Error(WeChatErrors.DataFormat);
            }

            switch (CloudItems.Check(key, value))
            {
                case CloudItemFault.Key:
                    return Error(KeyTooLong);
                case CloudItemFault.TooLarge:
                    return Error(ItemTooLong);
                case CloudItemFault.Missing or CloudItemFault.Text:
                    return Error(WeChatErrors.DataFormat);
                case null:
                    items.Add(new KVData(key, value));
                    break;
            }
        }

        return await storage.WriteAsync(call.App!.Id, call.UserId, items, cancellationToken) ? Ok() : Error(TooManyItems);
    }

    private static async Task<IResult> Remove(
        HttpRequest request, string? access_token, string? openid, string? signature, string? sig_method,
        MiniProgramTokens tokens, ILoginStore logins, CloudStorageService storage, CancellationToken cancellationToken)
    {
        var call = await OpenAsync(request, access_token, openid, signature, sig_method, tokens, logins, cancellationToken);
        if (call.Error is not null)
        {
            return Error(call.Error);
        }

        if (call.Json!["key"] is not JsonArray list || list.Any(k => k is not JsonValue v || !v.TryGetValue<string>(out _)))
        {
            return Error(WeChatErrors.DataFormat);
        }

        var keys = list.Select(k => k!.GetValue<string>()).Distinct(StringComparer.Ordinal).ToArray();
        if (!keys.All(CloudItems.IsKey))
        {
            return Error(KeyTooLong);
        }

        if (keys.Length > 0)
        {
            await storage.RemoveKeysAsync(call.App!.Id, call.UserId, keys);
        }

        return Ok();
    }

    /// <summary>Whether the server's session key is still the person's current one: a signature over nothing.</summary>
    private static async Task<IResult> CheckSession(
        string? access_token, string? openid, string? signature, string? sig_method, MiniProgramTokens tokens, ILoginStore logins, CancellationToken cancellationToken)
    {
        var (_, _, error) = await SignedAsync(access_token, openid, signature, sig_method, [], tokens, logins, cancellationToken);
        return error is null ? Ok() : Error(error);
    }

    /// <summary>The app, the person and the JSON body of a signed POST, checked in that order.</summary>
    private static async Task<(MiniProgram? App, Guid UserId, JsonObject? Json, WeChatError? Error)> OpenAsync(
        HttpRequest request, string? accessToken, string? openId, string? signature, string? sigMethod,
        MiniProgramTokens tokens, ILoginStore logins, CancellationToken cancellationToken)
    {
        var body = await ReadAsync(request, cancellationToken);
        if (body is null)
        {
            return (null, default, null, WeChatErrors.DataFormat);
        }

        var (app, userId, error) = await SignedAsync(accessToken, openId, signature, sigMethod, body, tokens, logins, cancellationToken);
        if (error is not null)
        {
            return (null, default, null, error);
        }

        if (body.Length == 0)
        {
            return (null, default, null, WeChatErrors.EmptyPostData);
        }

        try
        {
            return JsonNode.Parse(body) is JsonObject json ? (app, userId, json, null) : (null, default, null, WeChatErrors.DataFormat);
        }
        catch (JsonException)
        {
            return (null, default, null, WeChatErrors.DataFormat);
        }
    }

    private static async Task<(MiniProgram? App, Guid UserId, WeChatError? Error)> SignedAsync(
        string? accessToken, string? openId, string? signature, string? sigMethod, byte[] body,
        MiniProgramTokens tokens, ILoginStore logins, CancellationToken cancellationToken)
    {
        var (app, error) = await MiniProgramAppCall.AuthAsync(accessToken, tokens, cancellationToken);
        if (error is not null)
        {
            return (null, default, error);
        }

        if (string.IsNullOrEmpty(openId) || openId.Length > 64 || await logins.UserOfAsync(app!.Id, openId, cancellationToken) is not { } userId)
        {
            return (null, default, WeChatErrors.InvalidOpenId);
        }

        var sessionKey = await logins.SessionKeyAsync(app.Id, userId, cancellationToken);
        return sessionKey is not null && sigMethod == SigMethod && SignatureMatches(signature, body, sessionKey)
            ? (app, userId, null)
            : (null, default, InvalidSignature);
    }

    private static bool SignatureMatches(string? signature, byte[] body, string sessionKey)
    {
        if (signature is not { Length: 64 })
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(sessionKey), body)));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature.ToLowerInvariant()));
    }

    /// <summary>The body's bytes as sent (the signature covers them exactly), or null past 1 MiB.</summary>
    private static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBody)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
