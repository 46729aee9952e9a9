namespace Hutong.Core.Identity;

/// <summary>
/// Openids (per app) and unionids (per developer) of the people apps know, under the platform key (read once per node
/// by <see cref="PlatformKey"/>).
/// </summary>
public sealed class OpenIds(IPlatformKeys keys)
{
    public const string KeyName = "openid";

    private readonly PlatformKey _key = new(keys, KeyName);

    public async Task<string> ForAsync(string appId, Guid userId, CancellationToken cancellationToken) =>
        AppIdentities.OpenId(await KeyAsync(cancellationToken), appId, userId);

    /// <summary>The person's unionid at the developer (an account's owner): the same at all of that developer's apps.</summary>
    public async Task<string> UnionIdAsync(Guid developerId, Guid userId, CancellationToken cancellationToken) =>
        AppIdentities.UnionId(await KeyAsync(cancellationToken), developerId, userId);

    /// <summary>The group chat's openGId at the app: the same for all its members, unrelated at another app.</summary>
    public async Task<string> GroupIdAsync(string appId, Guid conversationId, CancellationToken cancellationToken) =>
        AppIdentities.OpenGId(await KeyAsync(cancellationToken), appId, conversationId);

    private Task<byte[]> KeyAsync(CancellationToken cancellationToken) => _key.GetAsync(cancellationToken);
}
