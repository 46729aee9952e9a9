using System.Security.Cryptography;
using System.Text;
using Hutong.Accounts.Identity;
using Hutong.Contracts;
using Hutong.Contracts.Accounts;
using Hutong.Core;
using Hutong.Core.Errors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hutong.Accounts.Sessions;

/// <summary>Logs devices in and out, and turns a bearer token back into its session.</summary>
public sealed class SessionService(
    IAccountStore accounts,
    ISessionStore sessions,
    PasswordHasher hasher,
    TimeProvider clock,
    LastSeenWriter lastSeen,
    ILoginFailureStore failures,
    IOptions<SecurityOptions> security,
    IEnumerable<ISessionObserver> observers,
    ILogger<SessionService> logger)
{
    private const string TokenPrefix = "ht_";
    private const int MaxDeviceName = 64;

    /// <summary>Last-seen times are for people to recognise their devices; minute precision spares a write per request.</summary>
    private static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    private static readonly Error BadCredentials = new(ErrorCodes.InvalidCredentials, 401, "The handle or password is wrong.");

    public async Task<Result<LoginResponse>> LoginAsync(LoginRequest request, string? remoteAddress, CancellationToken cancellationToken)
    {
        var handle = AccountRules.NormalizeHandle(request.Handle);
        var password = request.Password ?? string.Empty;
        if (password.Length > AccountRules.PasswordMax)
        {
            return BadCredentials;
        }

        // Every attempt counts against the account it names and the address it comes from before the password is
        // checked, so guesses racing in parallel count too; a success takes its count back. The account's limit is
        // tight (guessing one person's password from many addresses), the address's loose (a noisy neighbour behind
        // the same address cannot lock everyone out), and a success clears the account's.
        var accountKey = AccountKey(handle);
        var addressKey = "address:" + (remoteAddress ?? "unknown");
        var now = clock.Now();
        var byAccount = await CountAttemptAsync(accountKey, security.Value.FailedLoginsPerAccount, now, cancellationToken);
        var byAddress = await CountAttemptAsync(addressKey, security.Value.FailedLoginsPerAddress, now, cancellationToken);
        if ((byAccount ?? byAddress) is { } wait)
        {
            AccountsLog.LoginThrottled(logger, remoteAddress);
            return Throttled(wait);
        }

        var account = handle.Length == 0 ? null : await accounts.FindByHandleAsync(handle, cancellationToken);
        if (account is null || account.Deleted)
        {
            hasher.VerifyNothing(password);
            AccountsLog.LoginFailed(logger, remoteAddress);
            return BadCredentials;
        }

        if (!hasher.Verify(password, account.PasswordHash, out var needsRehash))
        {
            AccountsLog.LoginFailed(logger, remoteAddress);
            return BadCredentials;
        }

        await failures.ClearAsync(accountKey, cancellationToken);
        await failures.ForgetOneAsync(addressKey, cancellationToken);

        if (needsRehash)
        {
            await accounts.UpdatePasswordHashAsync(account.Id, hasher.Hash(password), cancellationToken);
        }

        var token = TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var name = string.IsNullOrWhiteSpace(request.DeviceName) ? "Device" : request.DeviceName.Trim();
        var session = new DeviceSession(Ids.New(clock), account.Id, name.Length > MaxDeviceName ? name[..MaxDeviceName] : name, HashToken(token), now, now);
        await sessions.AddAsync(session, cancellationToken);
        AccountsLog.LoggedIn(logger, account.Id, session.DeviceId);
        return new LoginResponse(token, Ids.Format(account.Id), Ids.Format(session.DeviceId));
    }

    /// <summary>
    /// The live session behind a token, or null. Reads storage every time, so a revoked token fails at once; the
    /// device's last-seen time is written in the background.
    /// </summary>
    public async Task<DeviceSession?> AuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal) || token.Length > 128)
        {
            return null;
        }

        var session = await sessions.FindByTokenHashAsync(HashToken(token), cancellationToken);
        if (session is not null)
        {
            var now = clock.Now();
            if (now - session.LastSeenAt > TouchInterval)
            {
                lastSeen.Touch(session.DeviceId, now);
            }
        }

        return session;
    }

    public async Task<DeviceList> ListDevicesAsync(Guid userId, Guid currentDeviceId, CancellationToken cancellationToken)
    {
        var list = await sessions.ListAsync(userId, cancellationToken);
        return new DeviceList(list
            .OrderByDescending(s => s.LastSeenAt)
            .Select(s => new DeviceInfo(Ids.Format(s.DeviceId), s.Name, s.CreatedAt, s.LastSeenAt, s.DeviceId == currentDeviceId))
            .ToList());
    }

    /// <summary>
    /// Checks a signed-in person's password before a change that needs it (a new password, deleting the account).
    /// Wrong answers count against the account as failed sign-ins do, so a device left signed in cannot guess it.
    /// </summary>
    public async Task<Result<Account>> CheckPasswordAsync(Guid userId, string? password, CancellationToken cancellationToken)
    {
        if (await accounts.FindAsync(userId, cancellationToken) is not { } account)
        {
            return AccountService.UserNotFound;
        }

        var key = AccountKey(account.Handle);
        if (await CountAttemptAsync(key, security.Value.FailedLoginsPerAccount, clock.Now(), cancellationToken) is { } wait)
        {
            return Throttled(wait);
        }

        if (password is null || password.Length > AccountRules.PasswordMax || !hasher.Verify(password, account.PasswordHash, out _))
        {
            return new Error(ErrorCodes.InvalidCredentials, 401, "The password is wrong.");
        }

        await failures.ClearAsync(key, cancellationToken);
        return account;
    }

    /// <summary>A new password after the current one; with <see cref="ChangePasswordRequest.SignOutOtherDevices"/>, only this device stays in.</summary>
    public async Task<Result<Done>> ChangePasswordAsync(Guid userId, Guid deviceId, ChangePasswordRequest request, CancellationToken cancellationToken)
    {
        var checkedAccount = await CheckPasswordAsync(userId, request.CurrentPassword, cancellationToken);
        if (!checkedAccount.IsSuccess)
        {
            return checkedAccount.Error;
        }

        var errors = new FieldErrors();
        AccountRules.CheckPassword(request.NewPassword, checkedAccount.Value.Handle, errors, "newPassword");
        if (errors.Any)
        {
            return errors.ToError();
        }

        await accounts.UpdatePasswordHashAsync(userId, hasher.Hash(request.NewPassword), cancellationToken);
        AccountsLog.PasswordChanged(logger, userId);
        if (request.SignOutOtherDevices)
        {
            await SignOutAllAsync(userId, keep: deviceId, cancellationToken);
        }

        return Done.Value;
    }

    /// <summary>Ends every session of the person but <paramref name="keep"/>'s; their open connections close at once.</summary>
    public async Task SignOutAllAsync(Guid userId, Guid? keep, CancellationToken cancellationToken)
    {
        foreach (var session in await sessions.ListAsync(userId, cancellationToken))
        {
            if (session.DeviceId != keep)
            {
                await RevokeAsync(userId, session.DeviceId, cancellationToken);
            }
        }
    }

    public async Task<Result<Done>> RevokeAsync(Guid userId, Guid deviceId, CancellationToken cancellationToken)
    {
        if (!await sessions.RemoveAsync(userId, deviceId, cancellationToken))
        {
            return Error.NotFound(ErrorCodes.DeviceNotFound, "No such device.");
        }

        AccountsLog.DeviceRevoked(logger, userId, deviceId);
        foreach (var observer in observers)
        {
            await observer.OnSessionEndedAsync(userId, deviceId, cancellationToken);
        }

        return Done.Value;
    }

    private static string AccountKey(string handle) => "account:" + handle;

    /// <summary>Counts one attempt against <paramref name="key"/>; over <paramref name="limit"/>, how long until its window ends.</summary>
    private async Task<TimeSpan?> CountAttemptAsync(string key, int limit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var window = security.Value.FailedLoginWindow;
        var counted = await failures.CountAsync(key, now, window, cancellationToken);
        return counted.Count > limit ? counted.Since + window - now : null;
    }

    private static Error Throttled(TimeSpan wait) =>
        new(ErrorCodes.RateLimited, 429, "Too many failed sign-ins; wait before trying again.") { RetryAfter = wait };

    private static byte[] HashToken(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
