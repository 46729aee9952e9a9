using Hutong.Contracts;
using Hutong.Contracts.Accounts;
using Hutong.Core;
using Hutong.Core.Errors;
using Microsoft.Extensions.Logging;

namespace Hutong.Accounts.Identity;

/// <summary>Sign-up, profiles and look-ups.</summary>
public sealed class AccountService(IAccountStore accounts, PasswordHasher hasher, TimeProvider clock, ILogger<AccountService> logger)
{
    public static readonly Error UserNotFound = Error.NotFound(ErrorCodes.UserNotFound, "No such person.");

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

    public async Task<Result<Account>> FindByHandleAsync(string handle, CancellationToken cancellationToken) =>
        await accounts.FindByHandleAsync(AccountRules.NormalizeHandle(handle), cancellationToken) is { } account ? account : UserNotFound;

    public async Task<Result<Account>> UpdateProfileAsync(Guid userId, UpdateProfileRequest request, CancellationToken cancellationToken)
    {
        if (await accounts.FindAsync(userId, cancellationToken) is not { } account)
        {
            return UserNotFound;
        }

        var displayName = request.DisplayName is null ? account.DisplayName : AccountRules.NormalizeDisplayName(request.DisplayName);
        // An empty avatar URL clears the avatar.
        var avatarUrl = request.AvatarUrl is null ? account.AvatarUrl : request.AvatarUrl.Length == 0 ? null : request.AvatarUrl.Trim();
        var errors = new FieldErrors();
        AccountRules.CheckDisplayName(displayName, errors);
        AccountRules.CheckAvatarUrl(avatarUrl, errors);
        if (errors.Any)
        {
            return errors.ToError();
        }

        await accounts.UpdateProfileAsync(userId, displayName, avatarUrl, cancellationToken);
        return account with { DisplayName = displayName, AvatarUrl = avatarUrl };
    }

    public static PublicProfile ToPublicProfile(Account account) =>
        new(Ids.Format(account.Id), account.Handle, account.DisplayName, account.AvatarUrl);
}
