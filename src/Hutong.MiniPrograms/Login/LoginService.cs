using System.Security.Cryptography;
using System.Text;
using Hutong.Core.Errors;
using Hutong.Core.Identity;
using Hutong.MiniPrograms.Apps;

namespace Hutong.MiniPrograms.Login;

/// <summary>
/// <c>wx.login</c> and its exchange: the host asks for a one-time code on the person's behalf (5 minutes, one use, for
/// that app only); the developer's server exchanges it at <c>/sns/jscode2session</c> with the app secret for the
/// person's openid, a session key, and the unionid shared by the developer's apps. The session key goes only to the
/// developer's server, never to the client.
/// </summary>
public sealed class LoginService(ILoginStore store, MiniProgramService apps, OpenIds ids, TimeProvider clock)
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(5);

    /// <summary>A code for the person at the app; only for an app they may open.</summary>
    public async Task<Result<string>> CodeAsync(Guid me, string appId, CancellationToken cancellationToken)
    {
        var app = await apps.OpenableAsync(me, appId, cancellationToken);
        if (app is null)
        {
            return MiniProgramService.NotFound;
        }

        var code = AppIdentities.RandomToken(24);
        await store.AddCodeAsync(Hash(code), app.Id, me, clock.GetUtcNow() + CodeLifetime, cancellationToken);
        return code;
    }

    /// <summary>The exchange, checked in WeChat's order: the app, its secret, the grant, then the code.</summary>
    public async Task<Exchange> ExchangeAsync(string? appId, string? secret, string? code, string? grantType, CancellationToken cancellationToken)
    {
        var app = await apps.FindAsync(appId, cancellationToken);
        if (app is null)
        {
            return new Exchange(SnsError.InvalidAppId);
        }

        if (!MiniProgramService.SecretMatches(app, secret))
        {
            return new Exchange(SnsError.InvalidSecret);
        }

        if (grantType != "authorization_code")
        {
            return new Exchange(SnsError.InvalidGrantType);
        }

        if (string.IsNullOrEmpty(code) || code.Length > 128)
        {
            return new Exchange(SnsError.InvalidCode);
        }

        var (use, userId) = await store.UseCodeAsync(Hash(code), app.Id, clock.GetUtcNow(), cancellationToken);
        if (use != CodeUse.Exchanged)
        {
            return new Exchange(use == CodeUse.Used ? SnsError.CodeUsed : SnsError.InvalidCode);
        }

        var sessionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var openId = await ids.ForAsync(app.AppId, userId, cancellationToken);
        await store.SaveSessionAsync(app.Id, userId, openId, sessionKey, clock.GetUtcNow(), cancellationToken);
        return new Exchange(
            null,
            openId,
            sessionKey,
            await ids.UnionIdAsync(app.DeveloperId, userId, cancellationToken));
    }

    private static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
}

/// <summary>How an exchange ended: the person's ids and session key, or WeChat's error.</summary>
public sealed record Exchange(SnsError? Error, string? OpenId = null, string? SessionKey = null, string? UnionId = null);

/// <summary>WeChat's answers to a failed <c>jscode2session</c>, code and message as its servers send them.</summary>
public sealed record SnsError(int Code, string Message)
{
    public static readonly SnsError InvalidAppId = new(40013, "invalid appid");
    public static readonly SnsError InvalidSecret = new(40125, "invalid appsecret");
    public static readonly SnsError InvalidGrantType = new(40002, "invalid grant_type");
    public static readonly SnsError InvalidCode = new(40029, "invalid code");
    public static readonly SnsError CodeUsed = new(40163, "code been used");
}
