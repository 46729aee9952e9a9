using Hutong.Core.Identity;

namespace Hutong.OfficialAccounts;

/// <summary>
/// Openids of official accounts' followers, under the platform key. The key is read once per node and kept: it never
/// changes once made, so every node holds the same one.
/// </summary>
public sealed class OpenIds(IPlatformKeys keys)
{
    public const string KeyName = "openid";

    private Task<byte[]>? _key;

    public async Task<string> ForAsync(string appId, Guid userId, CancellationToken cancellationToken) =>
        AppIdentities.OpenId(await KeyAsync(cancellationToken), appId, userId);

    /// <summary>The person's unionid at the developer (an account's owner): the same at all of that developer's apps.</summary>
    public async Task<string> UnionIdAsync(Guid developerId, Guid userId, CancellationToken cancellationToken) =>
        AppIdentities.UnionId(await KeyAsync(cancellationToken), developerId, userId);

    private async Task<byte[]> KeyAsync(CancellationToken cancellationToken)
    {
        var pending = _key ??= keys.GetAsync(KeyName, CancellationToken.None);
        try
        {
            return await pending.WaitAsync(cancellationToken);
        }
        catch when (pending.IsFaulted)
        {
            // Storage was away: the next call asks again rather than keeping the failure.
            _ = Interlocked.CompareExchange(ref _key, null, pending);
            throw;
        }
    }
}
