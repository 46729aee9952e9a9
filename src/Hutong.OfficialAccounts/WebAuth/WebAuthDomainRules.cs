using System.Diagnostics.CodeAnalysis;

namespace Hutong.OfficialAccounts.WebAuth;

/// <summary>
/// What a web authorization domain is, and which <c>redirect_uri</c> it lets a code go to. A domain is a host as a URL
/// names it: a DNS name or an IPv4 address, in lower case, without scheme, port or path. A <c>redirect_uri</c> goes to
/// one when its host is that domain exactly (<c>pay.example.com</c> is not <c>example.com</c>, as on WeChat); its port
/// does not count, since a host's ports are its owner's.
/// </summary>
internal static class WebAuthDomainRules
{
    /// <summary>The longest <c>redirect_uri</c> taken: a code appended must still fit a browser's address.</summary>
    public const int MaxRedirectUri = 2048;

    /// <summary>WeChat's limit for <c>state</c>, in UTF-8 bytes.</summary>
    public const int MaxState = 128;

    /// <summary>The domain as kept (lower case, no trailing dot), or null when it is not a host name.</summary>
    public static string? Normalize(string? domain)
    {
        var text = domain?.Trim().TrimEnd('.').ToLowerInvariant();
        return string.IsNullOrEmpty(text) || text.Length > 253 || Uri.CheckHostName(text) is not (UriHostNameType.Dns or UriHostNameType.IPv4)
            ? null
            : text;
    }

    /// <summary>
    /// The <c>redirect_uri</c> as an absolute http or https address without user information, or null. Plain http
    /// is taken for loopback hosts always, and for others only when <paramref name="allowPlainHttp"/> (a node for
    /// development), as developer URLs are.
    /// </summary>
    public static bool TryRedirect(string? redirectUri, bool allowPlainHttp, [NotNullWhen(true)] out Uri? uri)
    {
        uri = null;
        if (string.IsNullOrWhiteSpace(redirectUri) || redirectUri.Length > MaxRedirectUri
            || !Uri.TryCreate(redirectUri, UriKind.Absolute, out var parsed) || parsed.UserInfo.Length > 0 || parsed.IdnHost.Length == 0)
        {
            return false;
        }

        if (parsed.Scheme == Uri.UriSchemeHttps || (parsed.Scheme == Uri.UriSchemeHttp && (parsed.IsLoopback || allowPlainHttp)))
        {
            uri = parsed;
            return true;
        }

        return false;
    }

    /// <summary>Whether a code may go to the address: its host is one of the domains.</summary>
    public static bool Allows(IReadOnlyList<string> domains, Uri redirect)
    {
        var host = redirect.IdnHost.TrimEnd('.').ToLowerInvariant();
        return domains.Contains(host, StringComparer.Ordinal);
    }

    /// <summary>
    /// The page's <c>redirect_uri</c>, as given, with <c>code</c> (when there is one) and <c>state</c> added to its query,
    /// before any fragment: <c>redirect_uri?code=CODE&amp;state=STATE</c>, as WeChat sends it.
    /// </summary>
    public static string WithCode(string redirectUri, string? code, string? state)
    {
        var hash = redirectUri.IndexOf('#', StringComparison.Ordinal);
        var (head, fragment) = hash < 0 ? (redirectUri, "") : (redirectUri[..hash], redirectUri[hash..]);
        var separator = !head.Contains('?', StringComparison.Ordinal) ? "?" : head.EndsWith('?') || head.EndsWith('&') ? "" : "&";
        var added = (code is null ? "" : "code=" + Uri.EscapeDataString(code) + "&") + "state=" + Uri.EscapeDataString(state ?? "");
        return head + separator + added + fragment;
    }
}
