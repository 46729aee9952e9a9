using System.Text.Json.Nodes;
using Hutong.Client;
using Hutong.Contracts;
using Hutong.Contracts.MiniPrograms;
using Hutong.Web.Payments;

namespace Hutong.Web.MiniPrograms;

/// <summary>
/// What the page answers the runtime's services (through <c>mini-programs.js</c>), as JSON text: <c>{ok: true, res}</c>
/// is the API's success, <c>{ok: false, errMsg}</c> its fail with WeChat's message. Text, so the trimmed client
/// needs no reflection to hand objects to JavaScript.
/// </summary>
public static class BridgeAnswers
{
    public static string Ok(JsonObject? res = null) => new JsonObject { ["ok"] = true, ["res"] = res ?? [] }.ToJsonString();

    public static string Fail(string errMsg) => new JsonObject { ["ok"] = false, ["errMsg"] = errMsg }.ToJsonString();

    /// <summary>A proxied answer as <c>mini-programs.js</c> turns it into <c>{data, statusCode, header}</c>.</summary>
    public static string Response(ProxyResponse response)
    {
        var header = new JsonObject();
        foreach (var (name, value) in response.Header)
        {
            header[name] = value;
        }

        return Ok(new JsonObject
        {
            ["statusCode"] = response.StatusCode,
            ["header"] = header,
            ["data"] = response.Data,
            ["base64"] = response.DataIsBase64,
        });
    }

    /// <summary>WeChat's words for a request the proxy refused or could not make.</summary>
    public static string RequestFailed(Exception error) => Fail(error switch
    {
        HutongApiException { Code: ErrorCodes.DomainNotAllowed } => "request:fail url not in domain list",
        HutongApiException { Code: ErrorCodes.RequestFailed } api => $"request:fail {Detail(api) ?? "the server did not answer"}",
        HutongApiException api => $"request:fail {Detail(api) ?? api.Code ?? api.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
        _ => "request:fail network error",
    });

    /// <summary>A storage write the server refused: a full store in WeChat's words, anything else with its detail.</summary>
    public static string StorageFailed(string api, Exception error) => Fail(error switch
    {
        HutongApiException { Code: ErrorCodes.StorageFull } => $"{api}:fail exceed storage max size 10Mb",
        HutongApiException other => $"{api}:fail {Detail(other) ?? other.Code ?? "refused"}",
        _ => $"{api}:fail network error",
    });

    /// <summary>Any other call that failed on the way to the server.</summary>
    public static string Failed(string api, Exception error) => Fail(error switch
    {
        HutongApiException other => $"{api}:fail {Detail(other) ?? other.Code ?? "refused"}",
        _ => $"{api}:fail network error",
    });

    /// <summary>
    /// WeChat's answer to <c>requestSubscribeMessage</c>: each template id asked for, <c>accept</c>, <c>reject</c> or
    /// <c>ban</c>; ids the server did not answer for count as the person's choice.
    /// </summary>
    public static string Subscribed(IReadOnlyList<string> asked, IReadOnlyDictionary<string, string> results, IReadOnlyCollection<string> accepted)
    {
        var res = new JsonObject();
        foreach (var id in asked.Distinct(StringComparer.Ordinal))
        {
            res[id] = results.TryGetValue(id, out var result) ? result : accepted.Contains(id) ? "accept" : "reject";
        }

        return Ok(res);
    }

    /// <summary>
    /// WeChat's answer to <c>wx.requestPayment</c> once the cashier closed: <c>requestPayment:ok</c> when paid,
    /// <c>requestPayment:fail cancel</c> when the person closed it, and for a refusal <c>requestPayment:fail</c> with the
    /// node's error code (<c>bad_pay_sign</c>, <c>order_paid</c>, ...), which docs/api.md lists; malformed parameters
    /// say which, and a node that did not answer is a network error.
    /// </summary>
    public static string Payment(CashierOutcome outcome) => outcome switch
    {
        CashierPaid => Ok(),
        CashierRefused { Code: ErrorCodes.ValidationFailed, Detail: { Length: > 0 } detail } => Fail($"requestPayment:fail parameter error: {detail}"),
        CashierRefused { Code: { } code } => Fail($"requestPayment:fail {code}"),
        CashierRefused => Fail("requestPayment:fail network error"),
        _ => Fail("requestPayment:fail cancel"),
    };

    private static string? Detail(HutongApiException error) =>
        error.Problem?.Detail is { Length: > 0 } detail ? detail : error.Problem?.Title is { Length: > 0 } title ? title : null;
}
