using Hutong.Contracts.OfficialAccounts;
using Hutong.OfficialAccounts.Protocol;

namespace Hutong.OfficialAccounts.Developer;

/// <summary>An account's developer server: where its pushes go and how they are signed and sealed.</summary>
public sealed record DeveloperSettings(Guid AccountId, string Url, string Token, string? EncodingAesKey, string Mode, DateTimeOffset VerifiedAt)
{
    public bool Encrypts => Mode != DeveloperModes.Plaintext && EncodingAesKey is not null;

    internal WeChatCrypto? Crypto(string appId) => Encrypts ? new WeChatCrypto(Token, EncodingAesKey!, appId) : null;
}

/// <summary>Developer settings of accounts. Implemented by Hutong.Storage.</summary>
public interface IDeveloperSettingsStore
{
    Task<DeveloperSettings?> FindAsync(Guid accountId, CancellationToken cancellationToken);

    Task SaveAsync(DeveloperSettings settings, CancellationToken cancellationToken);

    /// <summary>Turns developer mode off; false when it was not on.</summary>
    Task<bool> RemoveAsync(Guid accountId, CancellationToken cancellationToken);
}
