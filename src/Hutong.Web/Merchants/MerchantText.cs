using Hutong.Contracts.Wallet;
using Hutong.Web.Localization;

namespace Hutong.Web.Merchants;

/// <summary>
/// A merchant's state, its orders' and refunds' states in the person's words. The API names them as the server does
/// (a merchant's <c>pending</c>, <c>approved</c>, <c>rejected</c>; an order's WeChat Pay states <c>NOTPAY</c>,
/// <c>SUCCESS</c>, <c>REFUND</c>, <c>CLOSED</c>).
/// </summary>
public static class MerchantText
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Rejected = "rejected";

    public const string Unpaid = "NOTPAY";
    public const string Paid = "SUCCESS";
    public const string Refunded = "REFUND";
    public const string Closed = "CLOSED";

    public static string State(string state, MerchantStrings m) => state switch
    {
        Pending => m.StatePending,
        Approved => m.StateApproved,
        Rejected => m.StateRejected,
        _ => state,
    };

    /// <summary>An order's state; a refunded order says whether all of it went back or only part.</summary>
    public static string OrderState(MerchantOrderInfo order, MerchantStrings m) => order.State switch
    {
        Unpaid => m.OrderUnpaid,
        Paid => m.OrderPaid,
        Refunded => order.RefundedAmount < order.Amount ? m.OrderPartlyRefunded : m.OrderRefunded,
        Closed => m.OrderClosed,
        _ => order.State,
    };

    /// <summary>A refund's state: done, or still being carried out (a node stopped in between).</summary>
    public static string RefundState(string state, MerchantStrings m) => state == Paid ? m.RefundDone : m.RefundProcessing;

    /// <summary>What is left to refund of a paid order; nothing of one unpaid or closed.</summary>
    public static long Refundable(MerchantOrderInfo order) =>
        order.State is Paid or Refunded ? Math.Max(0, order.Amount - order.RefundedAmount) : 0;
}
