using Hutong.Contracts.Wallet;
using Hutong.Web.Merchants;
using Hutong.Web.Tests.Testing;

namespace Hutong.Web.Tests.Merchants;

/// <summary>Merchants and orders for the merchant screens' tests, with only what a test cares about spelled out.</summary>
internal static class MerchantSamples
{
    public const string Id = "m-1";
    public const string MchId = "1230000109";

    public static MerchantInfo Merchant(string state = MerchantText.Approved, string? rejectReason = null, bool hasApiV3Key = false,
        IReadOnlyList<MerchantKeyInfo>? keys = null, IReadOnlyList<MerchantAppInfo>? apps = null) =>
        new(Id, MchId, "Tea House Ltd", "Tea House", "Tea", state, rejectReason, hasApiV3Key, keys ?? [], apps ?? [], Sample.Noon);

    public static MerchantOrderInfo Order(string transactionId, string state = MerchantText.Paid, long amount = 2_800, long refunded = 0,
        string description = "Oolong, a pot", IReadOnlyList<MerchantRefundInfo>? refunds = null) =>
        new(transactionId, "out-" + transactionId, "NATIVE", "wx0123456789abcdef", description, amount, "CNY", state, refunded,
            Sample.Noon, Sample.Noon.AddHours(2), state is MerchantText.Unpaid or MerchantText.Closed ? null : Sample.Noon.AddMinutes(1), null, refunds);
}
