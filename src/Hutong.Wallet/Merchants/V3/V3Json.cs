using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hutong.Wallet.Merchants.Orders;

namespace Hutong.Wallet.Merchants.V3;

/// <summary>
/// The JSON of WeChat Pay API v3 as merchant code reads it: snake_case fields, times in RFC 3339 with an offset, and
/// compact bodies with UTF-8 as is (merchants verify signatures over the bytes, and some re-serialise first).
/// </summary>
public static class V3Json
{
    public static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = false };

    public static string Write(JsonNode node) => node.ToJsonString(Compact);

    public static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>An order as <c>/v3/pay/transactions/...</c> queries answer it and a payment notification carries it.</summary>
    public static JsonObject Transaction(MerchantOrder order, string mchId)
    {
        var json = new JsonObject
        {
            ["appid"] = order.AppId,
            ["mchid"] = mchId,
            ["out_trade_no"] = order.OutTradeNo,
        };
        if (order.Paid)
        {
            json["transaction_id"] = order.TransactionId;
        }

        json["trade_type"] = order.TradeType;
        json["trade_state"] = order.State;
        json["trade_state_desc"] = TradeStates.Description(order.State);
        if (order.Paid)
        {
            json["bank_type"] = "OTHERS";
        }

        if (order.Attach is not null)
        {
            json["attach"] = order.Attach;
        }

        if (order.PaidAt is { } paidAt)
        {
            json["success_time"] = Time(paidAt);
        }

        if (order.PayerOpenId is not null)
        {
            json["payer"] = new JsonObject { ["openid"] = order.PayerOpenId };
        }

        var amount = new JsonObject { ["total"] = order.Amount };
        if (order.Paid)
        {
            amount["payer_total"] = order.Amount;
        }

        amount["currency"] = order.Currency;
        amount["payer_currency"] = order.Currency;
        json["amount"] = amount;
        return json;
    }

    /// <summary>A refund as <c>/v3/refund/domestic/refunds</c> answers it.</summary>
    public static JsonObject Refund(MerchantRefund refund, MerchantOrder order)
    {
        var json = new JsonObject
        {
            ["refund_id"] = refund.RefundId,
            ["out_refund_no"] = refund.OutRefundNo,
            ["transaction_id"] = order.TransactionId,
            ["out_trade_no"] = order.OutTradeNo,
            ["channel"] = "ORIGINAL",
            ["user_received_account"] = "支付用户零钱",
        };
        if (refund.SuccessAt is { } successAt)
        {
            json["success_time"] = Time(successAt);
        }

        json["create_time"] = Time(refund.CreatedAt);
        json["status"] = refund.State;
        json["funds_account"] = "AVAILABLE";
        json["amount"] = RefundAmount(refund, order);
        return json;
    }

    /// <summary>A refund as its <c>REFUND.SUCCESS</c> notification carries it.</summary>
    public static JsonObject RefundNotice(MerchantRefund refund, MerchantOrder order, string mchId) => new()
    {
        ["mchid"] = mchId,
        ["out_trade_no"] = order.OutTradeNo,
        ["transaction_id"] = order.TransactionId,
        ["out_refund_no"] = refund.OutRefundNo,
        ["refund_id"] = refund.RefundId,
        ["refund_status"] = refund.State,
        ["success_time"] = refund.SuccessAt is { } at ? Time(at) : null,
        ["user_received_account"] = "支付用户零钱",
        ["amount"] = RefundAmount(refund, order),
    };

    /// <summary>WeChat Pay's error body.</summary>
    public static JsonObject Error(string code, string message) => new() { ["code"] = code, ["message"] = message };

    private static JsonObject RefundAmount(MerchantRefund refund, MerchantOrder order) => new()
    {
        ["total"] = order.Amount,
        ["refund"] = refund.Amount,
        ["payer_total"] = order.Amount,
        ["payer_refund"] = refund.Amount,
        ["settlement_refund"] = refund.Amount,
        ["settlement_total"] = order.Amount,
        ["discount_refund"] = 0,
        ["currency"] = order.Currency,
    };
}
