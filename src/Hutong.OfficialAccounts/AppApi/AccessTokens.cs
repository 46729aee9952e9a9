using System.Security.Cryptography;
using System.Text;
using Hutong.Core;
using Hutong.Core.Identity;
using Hutong.OfficialAccounts.Accounts;
using Hutong.OfficialAccounts.Broadcasts;

namespace Hutong.OfficialAccounts.AppApi;

/// <summary>
/// Access tokens of the app API: 7,200 seconds each, and each valid for its whole lifetime, so two bot processes that
/// both fetch one never knock each other out. Stored as hashes. <c>stable_token</c> gives the same token for the
/// whole of a two-hour window (derived under the platform key), so fetching it again costs nothing.
/// </summary>
public sealed class AccessTokens(IAccessTokenStore store, IPlatformKeys keys, IGrainFactory grains, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(7200);

    /// <summary>A new token for the account, or null when it had its tokens for the day.</summary>
    public async Task<(string Token, int ExpiresIn)?> IssueAsync(OfficialAccount account)
    {
        var token = "ht" + AppIdentities.RandomToken(48);
        return await grains.GetGrain<IOfficialAccountGrain>(account.Id).IssueTokenAsync(Hash(token)) ? (token, (int)Lifetime.TotalSeconds) : null;
    }

    /// <summary>The window's token (the same one for everyone who asks within it), or a new one when forced.</summary>
    public async Task<(string Token, int ExpiresIn)?> StableAsync(OfficialAccount account, bool forceRefresh, CancellationToken cancellationToken)
    {
        if (forceRefresh)
        {
            return await IssueAsync(account);
        }

        var now = clock.GetUtcNow();
        var window = now.ToUnixTimeSeconds() / (long)Lifetime.TotalSeconds;
        var start = DateTimeOffset.FromUnixTimeSeconds(window * (long)Lifetime.TotalSeconds);
        var key = await keys.GetAsync("stable-token", cancellationToken);
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{Ids.Format(account.Id)}|{account.SecretHash}|{window}"));
        var token = "hs" + Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await store.AddAsync(account.Id, Hash(token), start, start + Lifetime, cancellationToken);
        return (token, (int)(start + Lifetime - now).TotalSeconds);
    }

    public async Task<Guid?> AccountOfAsync(string? token, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(token) || token.Length > 128 ? null : await store.AccountOfAsync(Hash(token), clock.GetUtcNow(), cancellationToken);

    internal static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
