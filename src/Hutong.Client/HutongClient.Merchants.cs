using Hutong.Contracts.Wallet;

namespace Hutong.Client;

/// <summary>The caller's merchants, and the operators' review of them.</summary>
public sealed partial class HutongClient
{
    /// <summary>Applies for a merchant; it is pending until an operator approves it.</summary>
    public Task<MerchantInfo> CreateMerchantAsync(CreateMerchantRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, "api/v1/merchants", request, Json.CreateMerchantRequest, Json.MerchantInfo, cancellationToken);

    /// <summary>The caller's own merchants, oldest first.</summary>
    public Task<MerchantList> GetMerchantsAsync(CancellationToken cancellationToken = default) =>
        GetAsync("api/v1/merchants", Json.MerchantList, cancellationToken);

    public Task<MerchantInfo> GetMerchantAsync(string merchantId, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/merchants/{Escape(merchantId)}", Json.MerchantInfo, cancellationToken);

    /// <summary>Sets the merchant's API v3 key (32 ASCII letters and digits); it is never shown again.</summary>
    public Task SetMerchantApiV3KeyAsync(string merchantId, string key, CancellationToken cancellationToken = default) =>
        SendNoContentAsync(HttpMethod.Put, $"api/v1/merchants/{Escape(merchantId)}/api-v3-key", new SetApiV3KeyRequest(key), Json.SetApiV3KeyRequest, cancellationToken);

    /// <summary>Adds an API key: an RSA public key or certificate in PEM. The answer names it by its serial number.</summary>
    public Task<MerchantKeyInfo> AddMerchantKeyAsync(string merchantId, string publicKeyPem, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"api/v1/merchants/{Escape(merchantId)}/keys", new AddMerchantKeyRequest(publicKeyPem), Json.AddMerchantKeyRequest, Json.MerchantKeyInfo, cancellationToken);

    /// <summary>Revokes an API key: requests signed with it are refused from now on.</summary>
    public Task RevokeMerchantKeyAsync(string merchantId, string serialNo, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"api/v1/merchants/{Escape(merchantId)}/keys/{Escape(serialNo)}", cancellationToken);

    /// <summary>Binds an official account or mini-program the caller administers, so the merchant may charge through it.</summary>
    public Task BindMerchantAppAsync(string merchantId, string appId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, $"api/v1/merchants/{Escape(merchantId)}/apps/{Escape(appId)}", cancellationToken);

    public Task UnbindMerchantAppAsync(string merchantId, string appId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"api/v1/merchants/{Escape(merchantId)}/apps/{Escape(appId)}", cancellationToken);

    /// <summary>The merchant's settled money, and what paid orders still hold until they settle.</summary>
    public Task<MerchantBalance> GetMerchantBalanceAsync(string merchantId, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/merchants/{Escape(merchantId)}/balance", Json.MerchantBalance, cancellationToken);

    /// <summary>Moves settled money to the caller's wallet; a retry with the same <paramref name="transferId"/> moves nothing again.</summary>
    public Task<MerchantPayoutReceipt> PayOutMerchantAsync(string merchantId, string transferId, long amount, string pin, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"api/v1/merchants/{Escape(merchantId)}/payouts", new MerchantPayoutRequest(transferId, amount, pin),
            Json.MerchantPayoutRequest, Json.MerchantPayoutReceipt, cancellationToken);

    /// <summary>The merchant's orders, newest first; <paramref name="cursor"/> is the last page's <c>cursor</c>.</summary>
    public Task<MerchantOrderList> GetMerchantOrdersAsync(string merchantId, string? cursor = null, int? limit = null, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/merchants/{Escape(merchantId)}/orders?{Page(limit, cursor).TrimStart('&')}", Json.MerchantOrderList, cancellationToken);

    /// <summary>One of the merchant's orders, with its refunds.</summary>
    public Task<MerchantOrderInfo> GetMerchantOrderAsync(string merchantId, string transactionId, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/merchants/{Escape(merchantId)}/orders/{Escape(transactionId)}", Json.MerchantOrderInfo, cancellationToken);

    /// <summary>Refunds part or all of a paid order; a retry with the same <c>outRefundNo</c> refunds nothing again.</summary>
    public Task<MerchantRefundInfo> RefundMerchantOrderAsync(string merchantId, string transactionId, MerchantRefundRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"api/v1/merchants/{Escape(merchantId)}/orders/{Escape(transactionId)}/refunds", request,
            Json.MerchantRefundRequest, Json.MerchantRefundInfo, cancellationToken);

    /// <summary>For operators: merchants in a state (<c>pending</c> unless given), the longest waiting first.</summary>
    public Task<MerchantList> GetMerchantsInReviewAsync(string? state = null, CancellationToken cancellationToken = default) =>
        GetAsync(state is null ? "api/v1/admin/merchants" : $"api/v1/admin/merchants?state={Escape(state)}", Json.MerchantList, cancellationToken);

    public Task<MerchantInfo> ApproveMerchantAsync(string merchantId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"api/v1/admin/merchants/{Escape(merchantId)}/approve", Json.MerchantInfo, cancellationToken);

    public Task<MerchantInfo> RejectMerchantAsync(string merchantId, string reason, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"api/v1/admin/merchants/{Escape(merchantId)}/reject", new RejectMerchantRequest(reason), Json.RejectMerchantRequest, Json.MerchantInfo, cancellationToken);

    /// <summary>For operators: a new platform payment key signs from now on; the old one stays listed for its grace period.</summary>
    public Task<PlatformKeyRotated> RotatePlatformKeyAsync(CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, "api/v1/admin/payments/platform-keys/rotate", Json.PlatformKeyRotated, cancellationToken);
}
