namespace Hutong.OfficialAccounts.AppApi;

/// <summary>
/// Another kind of app whose access tokens come from the same <c>/cgi-bin/token</c> and <c>stable_token</c> as
/// official accounts' (mini-programs), as WeChat serves both from one endpoint. Registered by that feature.
/// </summary>
public interface IAppTokenSource
{
    /// <summary>A token for the app, or null when the app id is not one of this source's.</summary>
    Task<AppToken?> IssueAsync(string appId, string? secret, CancellationToken cancellationToken);
}

/// <summary>A token and its seconds to live, or <see cref="WrongSecret"/>.</summary>
public sealed record AppToken(string? Token, int ExpiresIn, bool WrongSecret = false);
