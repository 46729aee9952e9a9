using System.Text.Json.Nodes;
using Hutong.Contracts;
using Hutong.Web.Payments;

namespace Hutong.Web.WebView;

/// <summary>
/// WeChat's answers to <c>getBrandWCPayRequest</c> (WeChat Pay's JSAPI documentation): <c>err_msg</c>
/// <c>get_brand_wcpay_request:ok</c> only once paid, <c>:cancel</c> when the person closed the cashier, <c>:fail</c>
/// otherwise, with the node's reason in <c>err_desc</c> (its error code, which docs/api.md lists; the fields, for
/// parameters that are not a payment's).
/// </summary>
public static class WebBridgeAnswers
{
    public static JsonObject Payment(CashierOutcome outcome) => outcome switch
    {
        CashierPaid => new JsonObject { ["err_msg"] = "get_brand_wcpay_request:ok" },
        CashierRefused { Code: ErrorCodes.ValidationFailed, Detail: { Length: > 0 } detail } => Fail("parameter error: " + detail),
        CashierRefused { Code: { } code } => Fail(code),
        CashierRefused => Fail("network error"),
        _ => new JsonObject { ["err_msg"] = "get_brand_wcpay_request:cancel" },
    };

    public static JsonObject Fail(string reason) => new() { ["err_msg"] = "get_brand_wcpay_request:fail", ["err_desc"] = reason };
}
