namespace Hutong.MiniPrograms.Login;

/// <summary>One-time login codes and the session keys they are exchanged for. Implemented by Hutong.Storage.</summary>
public interface ILoginStore
{
    /// <summary>Keeps a code (by its hash) for a person at an app until it expires.</summary>
    Task AddCodeAsync(string codeHash, Guid appKey, Guid userId, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>
    /// Uses the code once, for that app only: the person it was given to, or why not. The conditional write decides
    /// between two exchanges at once, on any node: one gets the person, the other <see cref="CodeUse.Used"/>.
    /// </summary>
    Task<(CodeUse Use, Guid UserId)> UseCodeAsync(string codeHash, Guid appKey, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// The person's current session key at the app (each exchange makes a new one), with the openid the app knows them
    /// by, so the app's server can name them by it later (<c>message/subscribe/send</c>).
    /// </summary>
    Task SaveSessionAsync(Guid appKey, Guid userId, string openId, string sessionKey, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The person an openid of the app names, if they ever logged in to it.</summary>
    Task<Guid?> UserOfAsync(Guid appKey, string openId, CancellationToken cancellationToken);

    Task<string?> SessionKeyAsync(Guid appKey, Guid userId, CancellationToken cancellationToken);
}

public enum CodeUse
{
    /// <summary>Unknown, another app's, or expired.</summary>
    Invalid,

    /// <summary>Exchanged before.</summary>
    Used,

    Exchanged,
}
