using Hutong.Contracts.Wallet;

namespace Hutong.Client;

/// <summary>Pay notices: the caller's payments to merchants and their refunds, as notices.</summary>
public sealed partial class HutongClient
{
    /// <summary>The caller's Pay notices, newest first.</summary>
    public Task<PaymentNoticeList> GetPaymentNoticesAsync(int? limit = null, string? cursor = null, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/wallet/notices?{Page(limit, cursor).TrimStart('&')}", Json.PaymentNoticeList, cancellationToken);
}
