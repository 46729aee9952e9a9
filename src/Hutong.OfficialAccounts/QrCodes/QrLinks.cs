using Hutong.Core;
using Microsoft.AspNetCore.Http;

namespace Hutong.OfficialAccounts.QrCodes;

/// <summary>
/// What a parameter code's image encodes: the account's page on this node with the ticket. The web client's Scan
/// opens it in place; any other camera or browser opens the same page, which offers to follow the account.
/// </summary>
internal static class QrLinks
{
    /// <summary>The node's address as the caller reached it (behind a proxy, as the forwarded headers say).</summary>
    public static string Origin(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    public static string Url(string origin, QrCode code) => $"{origin}/oa/{Ids.Format(code.AccountId)}?ticket={code.Ticket}";

    public static string ImageUrl(string origin, string ticket) => $"{origin}/cgi-bin/showqrcode?ticket={ticket}";
}
