namespace Hutong.Accounts.Identity;

/// <summary>
/// Told of account changes after they are committed, so other features can follow (Chat tells friends' devices of a
/// new name or avatar; on deletion it takes the person out of their groups and removes their uploads).
/// Implementations must be idempotent: a deletion retried after a failure tells them again.
/// </summary>
public interface IAccountObserver
{
    Task OnProfileChangedAsync(Guid userId, CancellationToken cancellationToken);

    Task OnAccountDeletedAsync(Guid userId, CancellationToken cancellationToken);
}

/// <summary>
/// Asked before an account is deleted; a feature that still holds something of the person's (money, say) refuses
/// with the error to show them.
/// </summary>
public interface IAccountDeletionCheck
{
    Task<Core.Errors.Error?> CheckAsync(Guid userId, CancellationToken cancellationToken);
}
