using System.Text.RegularExpressions;

namespace Hutong.Web.Scan;

/// <summary>
/// Decides what a scanned code opens. Hutong's codes carry the <c>hutong://{kind}/...</c> links the server makes
/// (<c>DeepLinks</c> in Hutong.Core, which the browser does not load); each kind the client opens is one case of
/// <see cref="Dispatch"/>, and a kind it does not know yet is <see cref="UnsupportedTarget"/>. Anything else is text.
/// </summary>
public static partial class ScanDispatcher
{
    private const string Scheme = "hutong:";

    /// <summary>Group codes are 16 characters today; the limit only keeps a made-up one off the address bar.</summary>
    private const int MaxCodeLength = 64;

    /// <param name="decoded">The code's text.</param>
    /// <param name="home">
    /// The web client's own address: a parameter code of an official account encodes a page of this node
    /// (<c>{home}oa/{accountId}?ticket=...</c>), which opens here as a <c>hutong://oa/</c> link would.
    /// </param>
    public static ScanTarget Dispatch(string decoded, string? home = null)
    {
        // A code's text may end in a line break (some generators add one); inside, whitespace is part of it.
        var text = decoded.Trim();
        if (home is not null && OwnPage(text, home) is { } page)
        {
            return page;
        }

        if (!text.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return new OtherTarget(text, WebLinks(text));
        }

        var rest = text[Scheme.Length..];
        if (!rest.StartsWith("//", StringComparison.Ordinal))
        {
            return new InvalidTarget(text);
        }

        rest = rest[2..];
        var fragment = rest.IndexOf('#', StringComparison.Ordinal);
        rest = fragment < 0 ? rest : rest[..fragment];
        var question = rest.IndexOf('?', StringComparison.Ordinal);
        var query = question < 0 ? "" : rest[(question + 1)..];
        var segments = (question < 0 ? rest : rest[..question]).TrimEnd('/').Split('/');
        var kind = segments[0].ToLowerInvariant();
        var path = segments[1..];
        return kind switch
        {
            "user" => Person(path, text),
            "group" => Group(path, text),
            "oa" => OfficialAccount(path, query, text),
            "mp" => MiniProgram(path, query, text),
            "pay" => Payment(path, text),
            "receive" => ReceiveCode(path, query, text),
            "" => new InvalidTarget(text),
            _ => new UnsupportedTarget(kind, text),
        };
    }

    /// <summary>An account's page on this node, as parameter codes encode it; null for any other address.</summary>
    private static ScanTarget? OwnPage(string text, string home)
    {
        if (!Uri.TryCreate(home, UriKind.Absolute, out var homeUri) || !Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https") || Uri.Compare(uri, homeUri, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0
            || !uri.AbsolutePath.StartsWith(homeUri.AbsolutePath, StringComparison.Ordinal))
        {
            return null;
        }

        var path = uri.AbsolutePath[homeUri.AbsolutePath.Length..].TrimEnd('/').Split('/');
        return path is ["oa", var accountId] ? OfficialAccount([accountId], uri.Query.TrimStart('?'), text) : null;
    }

    private static ScanTarget Person(string[] path, string text) =>
        path is [var id] && Guid.TryParseExact(id, "D", out var userId) && userId != Guid.Empty
            ? new PersonTarget(userId.ToString("D"))
            : new InvalidTarget(text);

    private static ScanTarget Group(string[] path, string text) =>
        path is [var code] && IsQuerySafe(code) && code.Length <= MaxCodeLength ? new GroupTarget(code) : new InvalidTarget(text);

    private static ScanTarget OfficialAccount(string[] path, string query, string text)
    {
        if (path is not [var accountId] || !IsQuerySafe(accountId) || accountId.Length > MaxCodeLength)
        {
            return new InvalidTarget(text);
        }

        string? ticket = null;
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pair : pair[..equals];
            if (name != "ticket")
            {
                // Parameters a later server adds are not this client's to judge.
                continue;
            }

            var value = equals < 0 ? "" : pair[(equals + 1)..];
            if (ticket is not null || !IsQuerySafe(value))
            {
                return new InvalidTarget(text);
            }

            ticket = value;
        }

        return new OfficialAccountTarget(accountId, ticket);
    }

    /// <summary>A native order's code is its prepay id (36 letters and digits today), one segment; a query after it changes nothing.</summary>
    private static ScanTarget Payment(string[] path, string text) =>
        path is [var code] && IsQuerySafe(code) && code.Length <= MaxCodeLength ? new PaymentTarget(code) : new InvalidTarget(text);

    /// <summary>
    /// A person's receive code is a token (16 base64url characters today), one segment; <c>amount</c> in the query, if
    /// there, is a whole number of fen, and other parameters are a later server's to judge.
    /// </summary>
    private static ScanTarget ReceiveCode(string[] path, string query, string text)
    {
        if (path is not [var code] || !IsQuerySafe(code) || code.Length > MaxCodeLength)
        {
            return new InvalidTarget(text);
        }

        long? amount = null;
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if ((equals < 0 ? pair : pair[..equals]) != "amount")
            {
                continue;
            }

            var value = equals < 0 ? "" : pair[(equals + 1)..];
            if (amount is not null || value.Length is 0 or > 18 || !value.All(char.IsAsciiDigit) || long.Parse(value, System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                return new InvalidTarget(text);
            }

            amount = long.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        }

        return new ReceiveCodeTarget(code, amount);
    }

    /// <summary>The longest page path (with its query) a mini-program code carries (PRODUCT.md: 128 bytes), with room for escaping.</summary>
    private const int MaxPagePathLength = 1024;

    private static ScanTarget MiniProgram(string[] path, string query, string text)
    {
        if (path is not [var appId] || !IsQuerySafe(appId) || appId.Length > MaxCodeLength)
        {
            return new InvalidTarget(text);
        }

        string? page = null;
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if ((equals < 0 ? pair : pair[..equals]) != "path")
            {
                continue;
            }

            string value;
            try
            {
                value = Uri.UnescapeDataString(equals < 0 ? "" : pair[(equals + 1)..]);
            }
            catch (UriFormatException)
            {
                return new InvalidTarget(text);
            }

            if (page is not null || value.Length > MaxPagePathLength || value.Any(char.IsControl))
            {
                return new InvalidTarget(text);
            }

            page = value.TrimStart('/');
        }

        return new MiniProgramTarget(appId, string.IsNullOrEmpty(page) ? null : page);
    }

    /// <summary>Ids, codes and tickets in Hutong links are letters, digits, '_' and '-' (base64url or a GUID).</summary>
    private static bool IsQuerySafe(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    /// <summary>The http and https addresses in a text, in order and once each, without the punctuation after them.</summary>
    internal static IReadOnlyList<string> WebLinks(string text) =>
        [.. WebLink().Matches(text)
            .Select(m => WithoutTrailingPunctuation(m.Value))
            .Where(link => Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0)
            .Distinct(StringComparer.Ordinal)];

    /// <summary>A sentence's full stop or comma is not the address's; nor is a bracket the address did not open.</summary>
    private static string WithoutTrailingPunctuation(string link)
    {
        while (link.Length > 0)
        {
            var last = link[^1];
            var unopened = last is ')' or ']' && link.Count(c => c == last) > link.Count(c => c == (last == ')' ? '(' : '['));
            if (!unopened && last is not ('.' or ',' or ';' or ':' or '!' or '?' or '\'' or '"'))
            {
                break;
            }

            link = link[..^1];
        }

        return link;
    }

    /// <summary>An address runs to a space, a quote or angle bracket, or a Chinese punctuation mark, which URLs leave encoded.</summary>
    [GeneratedRegex(@"https?://[^\s<>""。，、；：！？（）「」『』【】《》“”‘’]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WebLink();
}
