using Hutong.Accounts.Contacts;
using Hutong.Accounts.Sessions;
using Hutong.Contracts;
using Hutong.Contracts.Accounts;
using Hutong.Core;
using Hutong.Core.Errors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hutong.Accounts.Identity;

/// <summary>Sign-up, profiles, look-ups, and deleting an account.</summary>
public sealed class AccountService(
    IAccountStore accounts,
    PasswordHasher hasher,
    IOptions<SecurityOptions> security,
    IEnumerable<IAccountObserver> observers,
    IEnumerable<IAccountDeletionCheck> deletionChecks,
    SessionService sessions,
    ContactService contacts,
    TimeProvider clock,
    ILogger<AccountService> logger)
{
    public static readonly Error UserNotFound = Error.NotFound(ErrorCodes.UserNotFound, "No such person.");

    /// <summary>What a deleted account is called, where a name must be stored; clients show their own words for it.</summary>
    public const string DeletedName = "Deleted account";

    public async Task<Result<Account>> SignUpAsync(SignUpRequest request, CancellationToken cancellationToken)
    {
        var handle = AccountRules.NormalizeHandle(request.Handle);
        var displayName = AccountRules.NormalizeDisplayName(request.DisplayName);
        var errors = new FieldErrors();
        AccountRules.CheckHandle(handle, errors);
        AccountRules.CheckDisplayName(displayName, errors);
        AccountRules.CheckPassword(request.Password, handle, errors);
        if (errors.Any)
        {
            return errors.ToError();
        }

        // A handle a deleted account held long enough is free again.
        await accounts.ReleaseHandleAsync(handle, clock.Now() - security.Value.DeletedHandleGrace, cancellationToken);
        var account = new Account(Ids.New(clock), handle, displayName, null, hasher.Hash(request.Password), clock.Now());
        if (!await accounts.TryAddAsync(account, cancellationToken))
        {
            return Error.Conflict(ErrorCodes.HandleTaken, "This handle is taken.", $"Someone already uses '{handle}'.");
        }

        AccountsLog.SignedUp(logger, account.Id);
        return account;
    }

    public async Task<Result<Account>> GetAsync(Guid userId, CancellationToken cancellationToken) =>
        await accounts.FindAsync(userId, cancellationToken) is { } account ? account : UserNotFound;

    /// <summary>A person by handle; a deleted account is found by no one.</summary>
    public async Task<Result<Account>> FindByHandleAsync(string handle, CancellationToken cancellationToken) =>
        await accounts.FindByHandleAsync(AccountRules.NormalizeHandle(handle), cancellationToken) is { Deleted: false } account ? account : UserNotFound;

    public async Task<Result<Account>> UpdateProfileAsync(Guid userId, UpdateProfileRequest request, CancellationToken cancellationToken)
    {
        if (await accounts.FindAsync(userId, cancellationToken) is not { Deleted: false } account)
        {
            return UserNotFound;
        }

        var displayName = request.DisplayName is null ? account.DisplayName : AccountRules.NormalizeDisplayName(request.DisplayName);
        var errors = new FieldErrors();
        AccountRules.CheckDisplayName(displayName, errors);
        // Avatars are uploads of this node's (PUT /me/avatar), never outside addresses a client would fetch and leak
        // its viewers to: here an empty string clears it, and the current one may be sent back unchanged.
        var avatarUrl = request.AvatarUrl switch
        {
            null => account.AvatarUrl,
            "" => null,
            var same when same == account.AvatarUrl => same,
            _ => Fail(errors, "avatarUrl", "Upload an avatar with PUT /api/v1/me/avatar; an empty string clears it."),
        };
        if (errors.Any)
        {
            return errors.ToError();
        }

        return await SaveProfileAsync(account with { DisplayName = displayName, AvatarUrl = avatarUrl }, account, cancellationToken);
    }

    /// <summary>Makes an upload of the person's (an image, checked by the caller) their avatar, or clears it.</summary>
    public async Task<Result<Account>> SetAvatarAsync(Guid userId, Guid? mediaId, CancellationToken cancellationToken)
    {
        if (await accounts.FindAsync(userId, cancellationToken) is not { Deleted: false } account)
        {
            return UserNotFound;
        }

        var avatarUrl = mediaId is { } id ? Avatars.Path(id) : null;
        return await SaveProfileAsync(account with { AvatarUrl = avatarUrl }, account, cancellationToken);
    }

    /// <summary>
    /// Deletes the caller's account after their password: nothing of theirs may still be held (money), then their
    /// contacts go, their name and avatar are erased, other features remove what is theirs (group memberships,
    /// uploads), and every device is signed out. Messages they sent stay for the others, from a deleted account.
    /// Repeating it finishes what a failure left half-done.
    /// </summary>
    public async Task<Result<Done>> DeleteAsync(Guid me, DeleteAccountRequest request, CancellationToken cancellationToken)
    {
        var checkedAccount = await sessions.CheckPasswordAsync(me, request.Password, cancellationToken);
        if (!checkedAccount.IsSuccess)
        {
            return checkedAccount.Error;
        }

        foreach (var check in deletionChecks)
        {
            if (await check.CheckAsync(me, cancellationToken) is { } refused)
            {
                return refused;
            }
        }

        if (!checkedAccount.Value.Deleted)
        {
            await accounts.MarkDeletedAsync(me, DeletedName, clock.Now(), cancellationToken);
        }

        await contacts.ForgetAsync(me, cancellationToken);
        foreach (var observer in observers)
        {
            await observer.OnAccountDeletedAsync(me, cancellationToken);
        }

        await sessions.SignOutAllAsync(me, keep: null, cancellationToken);
        AccountsLog.AccountDeleted(logger, me);
        return Done.Value;
    }

    public static PublicProfile ToPublicProfile(Account account) => account.Deleted
        ? new(Ids.Format(account.Id), string.Empty, DeletedName, null, Deleted: true)
        : new(Ids.Format(account.Id), account.Handle, account.DisplayName, account.AvatarUrl);

    private async Task<Result<Account>> SaveProfileAsync(Account changed, Account before, CancellationToken cancellationToken)
    {
        if (changed.DisplayName == before.DisplayName && changed.AvatarUrl == before.AvatarUrl)
        {
            return changed;
        }

        await accounts.UpdateProfileAsync(changed.Id, changed.DisplayName, changed.AvatarUrl, cancellationToken);
        foreach (var observer in observers)
        {
            await observer.OnProfileChangedAsync(changed.Id, cancellationToken);
        }

        return changed;
    }

    private static string? Fail(FieldErrors errors, string field, string message)
    {
        errors.Add(field, message);
        return null;
    }
}
