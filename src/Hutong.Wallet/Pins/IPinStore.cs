namespace Hutong.Wallet.Pins;

/// <summary>A person's payment PIN (hashed) and its lockout.</summary>
public interface IPinStore
{
    Task<PinState?> FindAsync(Guid userId, CancellationToken cancellationToken);

    Task SetAsync(Guid userId, string pinHash, CancellationToken cancellationToken);

    /// <summary>Counts a wrong attempt atomically; the attempt that reaches <paramref name="limit"/> locks the PIN until <paramref name="lockUntil"/>.</summary>
    Task<PinState> FailAsync(Guid userId, int limit, DateTimeOffset lockUntil, CancellationToken cancellationToken);

    /// <summary>A right PIN clears the count of wrong ones.</summary>
    Task ClearFailuresAsync(Guid userId, CancellationToken cancellationToken);
}

public sealed record PinState(string PinHash, int FailedAttempts, DateTimeOffset? LockedUntil);
