using Hutong.Core.Errors;

namespace Hutong.Wallet.Merchants.V3;

/// <summary>
/// WeChat Pay API v3's error codes, each with the HTTP status WeChat answers it with. They travel as <see cref="Error"/>
/// values (the code, the status, the message) and are written as <c>{code, message}</c>.
/// </summary>
public static class V3Errors
{
    public static Error ParamError(string message) => new(WeChatPayCodes.ParamError, 400, message);

    public static Error InvalidRequest(string message) => new(WeChatPayCodes.InvalidRequest, 400, message);

    public static Error SignError(string message) => new(WeChatPayCodes.SignError, 401, message);

    public static Error NoAuth(string message) => new(WeChatPayCodes.NoAuth, 403, message);

    public static readonly Error AppIdMchIdNotMatch = new(WeChatPayCodes.AppIdMchIdNotMatch, 400, "appid和mch_id不匹配: the app is not bound to this merchant.");

    public static readonly Error OutTradeNoUsed = new(WeChatPayCodes.OutTradeNoUsed, 403, "商户订单号重复: this out_trade_no was used with other parameters.");

    public static readonly Error OrderPaid = new(WeChatPayCodes.OrderPaid, 400, "订单已支付: the order is paid.");

    public static readonly Error OrderClosed = new(WeChatPayCodes.OrderClosed, 400, "订单已关闭: the order is closed.");

    public static readonly Error OrderNotExist = new(WeChatPayCodes.OrderNotExist, 404, "订单不存在: no such order.");

    public static readonly Error ResourceNotExists = new(WeChatPayCodes.ResourceNotExists, 404, "退款单不存在: no such refund.");

    public static readonly Error NotEnough = new(WeChatPayCodes.NotEnough, 403, "余额不足: the merchant's settled balance cannot cover the refund.");

    public static readonly Error NotFound = new(WeChatPayCodes.NotFound, 404, "No such API.");

}

/// <summary>
/// WeChat Pay API v3's error codes that Hutong answers with (docs/payments.md lists each with its status): a catalogue
/// of their own, since merchant code written for WeChat compares these exact strings.
/// </summary>
public static class WeChatPayCodes
{
    public const string AppIdMchIdNotMatch = "APPID_MCHID_NOT_MATCH";

    public const string InvalidRequest = "INVALID_REQUEST";

    public const string NotEnough = "NOT_ENOUGH";

    public const string NotFound = "NOT_FOUND";

    public const string NoAuth = "NO_AUTH";

    public const string OrderPaid = "ORDERPAID";

    public const string OrderClosed = "ORDER_CLOSED";

    public const string OrderNotExist = "ORDER_NOT_EXIST";

    public const string OutTradeNoUsed = "OUT_TRADE_NO_USED";

    public const string ParamError = "PARAM_ERROR";

    public const string ResourceNotExists = "RESOURCE_NOT_EXISTS";

    public const string SignError = "SIGN_ERROR";
}
