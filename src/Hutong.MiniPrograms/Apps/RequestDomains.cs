using Hutong.Core.Errors;

namespace Hutong.MiniPrograms.Apps;

/// <summary>
/// The origins a mini-program's <c>wx.request</c> may reach, kept as <c>https://host[:port]</c>. A bare host name
/// means https on its default port; plain http only where the operator allows it (development and tests).
/// </summary>
public static class RequestDomains
{
    public static IReadOnlyList<string> Parse(FieldErrors errors, IReadOnlyList<string> written, MiniProgramsOptions options)
    {
        if (written.Count > options.MaxRequestDomains)
        {
            errors.Add("requestDomains", $"At most {options.MaxRequestDomains} request domains.");
            return [];
        }

        var origins = new List<string>(written.Count);
        foreach (var text in written)
        {
            var origin = Origin(text?.Trim() ?? "", options.AllowPlainHttpRequests);
            if (origin is null)
            {
                errors.Add("requestDomains", $"'{text}' is not a host name or an https origin (scheme, host and port only).");
                continue;
            }

            if (!origins.Contains(origin, StringComparer.Ordinal))
            {
                origins.Add(origin);
            }
        }

        return origins;
    }

    /// <summary>Whether the address is on one of the origins.</summary>
    public static bool Allows(IReadOnlyList<string> origins, Uri address) =>
        origins.Contains(address.GetLeftPart(UriPartial.Authority).ToLowerInvariant(), StringComparer.Ordinal);

    private static string? Origin(string text, bool allowPlainHttp)
    {
        if (text.Length is 0 or > 253)
        {
            return null;
        }

        var full = text.Contains("://", StringComparison.Ordinal) ? text : "https://" + text;
        if (!Uri.TryCreate(full, UriKind.Absolute, out var uri)
            || !(uri.Scheme == Uri.UriSchemeHttps || (allowPlainHttp && uri.Scheme == Uri.UriSchemeHttp))
            || uri.UserInfo.Length > 0 || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0
            || uri.HostNameType is UriHostNameType.Unknown or UriHostNameType.Basic)
        {
            return null;
        }

        return uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
    }
}
