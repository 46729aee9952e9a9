using Hutong.Core.Errors;

namespace Hutong.Wallet.Merchants.V3;

/// <summary>
/// WeChat Pay API v3's error codes, each with the HTTP status WeChat answers it with. They travel as <see cref="Error"/>
/// values (the code, the status, the message) and are written as <c>{code, message}</c>.
/// </summary>
public static class V3Errors
{
    public static Error ParamError(string message) => new("PARAM_ERROR", 400, message);

    public static Error InvalidRequest(string message) => new("INVALID_REQUEST", 400, message);

    public static Error SignError(string message) => new("SIGN_ERROR", 401, message);

    public static Error NoAuth(string message) => new("NO_AUTH", 403, message);

    public static readonly Error AppIdMchIdNotMatch = new("APPID_MCHID_NOT_MATCH", 400, "appid和mch_id不匹配: the app is not bound to this merchant.");

    public static readonly Error MchNotExists = new("MCH_NOT_EXISTS", 400, "商户号不存在: no such merchant.");

    public static readonly Error OutTradeNoUsed = new("OUT_TRADE_NO_USED", 403, "商户订单号重复: this out_trade_no was used with other parameters.");

    public static readonly Error OrderPaid = new("ORDERPAID", 400, "订单已支付: the order is paid.");

    public static readonly Error OrderClosed = new("ORDER_CLOSED", 400, "订单已关闭: the order is closed.");

    public static readonly Error OrderNotExist = new("ORDER_NOT_EXIST", 404, "订单不存在: no such order.");

    public static readonly Error ResourceNotExists = new("RESOURCE_NOT_EXISTS", 404, "退款单不存在: no such refund.");

    public static readonly Error NotEnough = new("NOT_ENOUGH", 403, "余额不足: the merchant's settled balance cannot cover the refund.");

    public static readonly Error NotFound = new("NOT_FOUND", 404, "No such API.");

    public static Error SystemError(string message) => new("SYSTEM_ERROR", 500, message);
}
