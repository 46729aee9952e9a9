using System.Security.Cryptography;
using System.Text;

namespace Hutong.Core.Identity;

/// <summary>
/// The ids third-party apps (official accounts, mini-programs) see instead of user ids: an <b>openid</b> per app and
/// person, a <b>unionid</b> per developer and person. Each is a keyed hash (HMAC-SHA256 under the platform key), so the
/// same person has unrelated ids at different apps, and nobody who knows a user id and an app id can work out the
/// openid without the key. Only <c>[A-Za-z0-9_-]</c>: apps paste them into query strings unencoded.
/// </summary>
public static class AppIdentities
{
    /// <summary>28 characters, like WeChat's: "o" and 27 of base64url.</summary>
    public const int OpenIdLength = 28;

    public static string OpenId(ReadOnlySpan<byte> platformKey, string appId, Guid userId) => Derive(platformKey, 'o', "openid", appId, userId);

    public static string UnionId(ReadOnlySpan<byte> platformKey, Guid developerId, Guid userId) =>
        Derive(platformKey, 'u', "unionid", Ids.Format(developerId), userId);

    /// <summary>A group chat's id at one app (WeChat's <c>openGId</c>): "tG" and 27 of base64url.</summary>
    public static string OpenGId(ReadOnlySpan<byte> platformKey, string appId, Guid conversationId) =>
        't' + Derive(platformKey, 'G', "opengid", appId, conversationId);

    /// <summary>Letters, digits, '_' and '-' only, and not empty: what app ids, secrets, tokens and openids are made of.</summary>
    public static bool IsQuerySafe(string? value) =>
        !string.IsNullOrEmpty(value) && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    /// <summary>How an app secret is kept: its SHA-256, as lowercase hex.</summary>
    public static string HashSecret(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Whether <paramref name="secret"/> is the one kept as <paramref name="secretHash"/>, compared in constant time.</summary>
    public static bool SecretMatches(string secretHash, string? secret) =>
        secret is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(HashSecret(secret)), Encoding.ASCII.GetBytes(secretHash));

    /// <summary>Random bytes as base64url: secrets, tokens and tickets.</summary>
    public static string RandomToken(int bytes) => Base64Url(RandomNumberGenerator.GetBytes(bytes));

    /// <summary>Random lowercase hex of <paramref name="digits"/> digits: the tails of app ids (<c>wx</c>) and original ids (<c>gh_</c>).</summary>
    public static string RandomHex(int digits) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes((digits + 1) / 2))[..digits];

    private static string Derive(ReadOnlySpan<byte> key, char prefix, string purpose, string scope, Guid userId)
    {
        // purpose | 0 | scope | 0 | user id: the separators keep ("ab", "c") and ("a", "bc") apart.
        var input = new byte[Encoding.UTF8.GetByteCount(purpose) + 1 + Encoding.UTF8.GetByteCount(scope) + 1 + 16];
        var at = Encoding.UTF8.GetBytes(purpose, input);
        input[at++] = 0;
        at += Encoding.UTF8.GetBytes(scope, input.AsSpan(at));
        input[at++] = 0;
        userId.TryWriteBytes(input.AsSpan(at), bigEndian: true, out _);

        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(key, input, mac);
        return prefix + Base64Url(mac)[..(OpenIdLength - 1)];
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
