using Hutong.Contracts;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.OfficialAccounts.Accounts;
using Hutong.OfficialAccounts.Protocol;
using Microsoft.Extensions.Options;

namespace Hutong.OfficialAccounts.Developer;

/// <summary>
/// An account's developer mode: its server settings, saved only once the URL has echoed a signed verification, as
/// WeChat does. While developer mode is on, follower messages and events go to that server instead of the auto-replies.
/// </summary>
public sealed class DeveloperService(
    IDeveloperSettingsStore store, OfficialAccountService accounts, Webhook webhook, IOptions<OfficialAccountsOptions> options, TimeProvider clock)
{
    public async Task<Result<DeveloperSettingsInfo?>> GetAsync(Guid me, Guid accountId, CancellationToken cancellationToken)
    {
        var managed = await accounts.ManagedAsync(me, accountId, cancellationToken);
        if (!managed.IsSuccess)
        {
            return managed.Error;
        }

        return await store.FindAsync(accountId, cancellationToken) is { } settings ? Info(settings) : (DeveloperSettingsInfo?)null;
    }

    /// <summary>Checks the settings, calls the URL to verify it, and saves them only when it echoed.</summary>
    public async Task<Result<DeveloperSettingsInfo>> SaveAsync(Guid me, Guid accountId, DeveloperSettingsRequest request, CancellationToken cancellationToken)
    {
        var managed = await accounts.ManagedAsync(me, accountId, cancellationToken);
        if (!managed.IsSuccess)
        {
            return managed.Error;
        }

        var errors = new FieldErrors();
        if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") || url.UserInfo.Length > 0 || request.Url.Length > 1024
            || (url.Scheme == "http" && !options.Value.AllowPlainHttpUrls))
        {
            errors.Add("url", options.Value.AllowPlainHttpUrls ? "The URL is an http or https address." : "The URL is an https address.");
        }

        if (request.Token is not { Length: >= 3 and <= 32 } token || !token.All(char.IsAsciiLetterOrDigit))
        {
            errors.Add("token", "A token is 3 to 32 letters and digits.");
        }

        if (!DeveloperModes.All.Contains(request.Mode))
        {
            errors.Add("mode", "The mode is plaintext, compatible or safe.");
        }
        else if (request.Mode != DeveloperModes.Plaintext || request.EncodingAesKey is not null)
        {
            if (!WeChatCrypto.IsValidEncodingAesKey(request.EncodingAesKey))
            {
                errors.Add("encodingAesKey", "An EncodingAESKey is 43 letters and digits.");
            }
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        if (await webhook.VerifyAsync(request.Url, request.Token, cancellationToken) is { } failure)
        {
            return Unverified(failure);
        }

        var settings = new DeveloperSettings(accountId, request.Url, request.Token, request.EncodingAesKey, request.Mode, clock.Now());
        await store.SaveAsync(settings, cancellationToken);
        return Info(settings);
    }

    /// <summary>Verifies the saved URL again (the studio's Verify button).</summary>
    public async Task<Result<DeveloperSettingsInfo>> VerifyAsync(Guid me, Guid accountId, CancellationToken cancellationToken)
    {
        var managed = await accounts.ManagedAsync(me, accountId, cancellationToken);
        if (!managed.IsSuccess)
        {
            return managed.Error;
        }

        if (await store.FindAsync(accountId, cancellationToken) is not { } settings)
        {
            return Error.NotFound(ErrorCodes.DeveloperModeOff, "Developer mode is off for this account.");
        }

        if (await webhook.VerifyAsync(settings.Url, settings.Token, cancellationToken) is { } failure)
        {
            return Unverified(failure);
        }

        settings = settings with { VerifiedAt = clock.Now() };
        await store.SaveAsync(settings, cancellationToken);
        return Info(settings);
    }

    public async Task<Result<Done>> DisableAsync(Guid me, Guid accountId, CancellationToken cancellationToken)
    {
        var managed = await accounts.ManagedAsync(me, accountId, cancellationToken);
        if (!managed.IsSuccess)
        {
            return managed.Error;
        }

        await store.RemoveAsync(accountId, cancellationToken);
        return Done.Value;
    }

    private static Error Unverified(string why) =>
        new(ErrorCodes.DeveloperUrlNotVerified, 422, "The URL did not pass verification.", why);

    private static DeveloperSettingsInfo Info(DeveloperSettings s) => new(s.Url, s.Token, s.EncodingAesKey, s.Mode, s.VerifiedAt);
}
