namespace Hutong.Accounts.Sessions;

/// <summary>Failed sign-ins counted in a window since <see cref="Since"/>.</summary>
public sealed record LoginFailures(int Count, DateTimeOffset Since);

/// <summary>
/// Counters of sign-in attempts, per account and per client address, kept in the database so that every node counts
/// the same attempts. Each change is one statement, so racing attempts each count.
/// </summary>
public interface ILoginFailureStore
{
    /// <summary>Counts one attempt against <paramref name="key"/>, starting a new window when the last one is over.</summary>
    Task<LoginFailures> CountAsync(string key, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>Takes back one counted attempt that turned out to succeed.</summary>
    Task ForgetOneAsync(string key, CancellationToken cancellationToken);

    /// <summary>Forgets every attempt against <paramref name="key"/>.</summary>
    Task ClearAsync(string key, CancellationToken cancellationToken);
}
