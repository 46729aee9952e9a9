namespace Hutong.Accounts.Identity;

/// <summary>Durable accounts. Implemented by Hutong.Storage.</summary>
public interface IAccountStore
{
    /// <summary>Adds the account; false when its handle is taken, also when a concurrent sign-up took it first.</summary>
    Task<bool> TryAddAsync(Account account, CancellationToken cancellationToken);

    Task<Account?> FindAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>The accounts of <paramref name="userIds"/> that exist, deleted ones too, in one query however many.</summary>
    Task<IReadOnlyList<Account>> ListAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken);

    /// <summary>Finds by the lower-case handle.</summary>
    Task<Account?> FindByHandleAsync(string handle, CancellationToken cancellationToken);

    Task UpdateProfileAsync(Guid userId, string displayName, string? avatarUrl, CancellationToken cancellationToken);

    Task UpdatePasswordHashAsync(Guid userId, string passwordHash, CancellationToken cancellationToken);

    /// <summary>Erases the account's name and avatar and marks it deleted; its handle stays held.</summary>
    Task MarkDeletedAsync(Guid userId, string erasedName, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Frees <paramref name="handle"/> if a deleted account held it since <paramref name="deletedBefore"/> or earlier.</summary>
    Task ReleaseHandleAsync(string handle, DateTimeOffset deletedBefore, CancellationToken cancellationToken);
}
