using System.Text.Json;
using System.Text.Json.Nodes;
using Hutong.Contracts.Wallet;

namespace Hutong.Web.Payments;

/// <summary>
/// A payment's parameters as a page passed them (<c>wx.requestPayment</c>'s, <c>getBrandWCPayRequest</c>'s), for the
/// cashier: each string as given, a number where a string belongs (a timeStamp, often) read as its digits, anything
/// else missing. The node's preview checks them all; nothing here decides what may be paid.
/// </summary>
public static class PayRequests
{
    public static PayRequest From(string? appId, JsonObject args) =>
        new(appId, Text(args, "timeStamp"), Text(args, "nonceStr"), Text(args, "package"), Text(args, "signType"), Text(args, "paySign"));

    /// <summary>A string field, or a number's digits; null for anything else.</summary>
    public static string? Text(JsonObject? args, string name) => args?[name] is JsonValue value
        ? value.TryGetValue<string>(out var text) ? text : value.GetValueKind() == JsonValueKind.Number ? value.ToJsonString() : null
        : null;
}
