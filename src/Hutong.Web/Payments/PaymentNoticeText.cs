using Hutong.Contracts.Wallet;
using Hutong.Web.Localization;
using Hutong.Web.Wallet;

namespace Hutong.Web.Payments;

/// <summary>What a Pay notice says, the same live and in the service notices: "Payment to Tea House: ¥28.00".</summary>
public static class PaymentNoticeText
{
    public static string Title(PaymentNotice notice, PaymentStrings words)
    {
        var amount = Money.Format(notice.Amount, notice.Currency);
        return notice switch
        {
            RefundedNotice => words.RefundNotice(notice.MerchantName, amount),
            PaidNotice => words.PaymentNotice(notice.MerchantName, amount),
            // Never a page's failure: a later kind shows whom it is from.
            _ => notice.MerchantName,
        };
    }

    /// <summary>One notice however often it is told (a resume can bring an event again): a payment by its id, a refund by its own.</summary>
    public static string Key(PaymentNotice notice) => notice is RefundedNotice refunded ? "r:" + refunded.RefundId : "p:" + notice.TransactionId;
}
