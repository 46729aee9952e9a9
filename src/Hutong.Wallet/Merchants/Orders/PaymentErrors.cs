using Hutong.Contracts;
using Hutong.Core.Errors;

namespace Hutong.Wallet.Merchants.Orders;

/// <summary>Why a person's payment was refused, as the public API says it (docs/api.md, Payments).</summary>
public static class PaymentErrors
{
    public static readonly Error OrderNotFound = Error.NotFound(ErrorCodes.OrderNotFound, "No such order.");

    public static readonly Error OrderPaid = Error.Conflict(ErrorCodes.OrderPaid, "The order is paid already.");

    public static readonly Error OrderClosed = Error.Conflict(ErrorCodes.OrderClosed, "The order is closed or past its time.");

    public static readonly Error PaymentExpired = Error.Conflict(ErrorCodes.PaymentExpired, "The payment request is over two hours old; the merchant can make a new one.");

    public static readonly Error BadPaySign = Error.BadRequest(ErrorCodes.BadPaySign, "The payment request is not signed by its merchant.");

    public static readonly Error NotYourOrder = Error.Forbidden(ErrorCodes.NotYourOrder, "The order was made for someone else.");

    public static readonly Error MerchantUnavailable = Error.Conflict(ErrorCodes.MerchantUnavailable, "The merchant cannot take payments now.");

    public static Error InsufficientFunds => WalletErrors.InsufficientFunds;
}
