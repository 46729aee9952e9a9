namespace Hutong.OfficialAccounts.WebAuth;

/// <summary>Web authorization: each account's domains, and the codes and tokens it hands out. Implemented by Hutong.Storage.</summary>
public interface IWebAuthStore
{
    /// <summary>The account's web authorization domains, in the order they were set.</summary>
    Task<IReadOnlyList<string>> DomainsAsync(Guid accountId, CancellationToken cancellationToken);

    /// <summary>Replaces the account's domains with these.</summary>
    Task SetDomainsAsync(Guid accountId, IReadOnlyList<string> domains, CancellationToken cancellationToken);

    /// <summary>Keeps a code or token (by its hash) until it expires, and clears the account's grants that expired before <paramref name="now"/>.</summary>
    Task AddAsync(WebGrant grant, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Uses a code once, for the account it was given for: what it was given for, or why not. A conditional write
    /// decides between two exchanges at once, on any node: one gets the grant, the other <see cref="WebCodeUse.Used"/>.
    /// </summary>
    Task<(WebCodeUse Use, WebGrant? Grant)> UseCodeAsync(string codeHash, Guid accountId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>A token of that kind, unexpired at <paramref name="now"/>; null for anything else.</summary>
    Task<WebGrant?> FindAsync(string hash, string kind, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>
/// A code or token of web authorization, kept by the SHA-256 of its text: the person it names, at which account, with
/// which scope, until when.
/// </summary>
public sealed record WebGrant(string Hash, string Kind, Guid AccountId, Guid UserId, string Scope, DateTimeOffset ExpiresAt);

/// <summary>What a <see cref="WebGrant"/> is.</summary>
public static class WebGrantKinds
{
    /// <summary>The one-time code a page's <c>redirect_uri</c> receives: 5 minutes.</summary>
    public const string Code = "code";

    /// <summary>The web access token (not the app API's): 2 hours.</summary>
    public const string Access = "access";

    /// <summary>What renews the access token: 30 days.</summary>
    public const string Refresh = "refresh";
}

public enum WebCodeUse
{
    /// <summary>Unknown, another account's, or expired.</summary>
    Invalid,

    /// <summary>Exchanged before.</summary>
    Used,

    Exchanged,
}
