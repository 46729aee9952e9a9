using Hutong.Contracts.Wallet;

namespace Hutong.Client;

/// <summary>Paying merchants: an in-app payment (the parameters of <c>wx.requestPayment</c>) or a scanned native code.</summary>
public sealed partial class HutongClient
{
    /// <summary>What the cashier shows before the PIN; refused unless the merchant signed the parameters.</summary>
    public Task<PaymentPreview> PreviewPaymentAsync(PayRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, "api/v1/payments/preview", request, Json.PayRequest, Json.PaymentPreview, cancellationToken);

    public Task<PaymentResult> PayAsync(PayRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, "api/v1/payments", request, Json.PayRequest, Json.PaymentResult, cancellationToken);

    public Task<PaymentPreview> PreviewNativePaymentAsync(string codeUrl, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, "api/v1/payments/native/preview", new NativePaymentRequest(codeUrl), Json.NativePaymentRequest, Json.PaymentPreview, cancellationToken);

    public Task<PaymentResult> PayNativeAsync(string codeUrl, string pin, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, "api/v1/payments/native", new NativePaymentRequest(codeUrl, pin), Json.NativePaymentRequest, Json.PaymentResult, cancellationToken);

    /// <summary>The caller's own payment.</summary>
    public Task<PaymentResult> GetPaymentAsync(string transactionId, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/payments/{Escape(transactionId)}", Json.PaymentResult, cancellationToken);
}
