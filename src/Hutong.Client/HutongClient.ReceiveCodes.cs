using System.Globalization;
using Hutong.Contracts.Wallet;

namespace Hutong.Client;

/// <summary>Receive codes: the caller's own, and paying someone else's, scanned.</summary>
public sealed partial class HutongClient
{
    /// <summary>The caller's receive code; with <paramref name="amount"/> (fen), a link that fixes what the payer pays.</summary>
    public Task<ReceiveCodeInfo> GetReceiveCodeAsync(long? amount = null, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/wallet/receive-code{AmountQuery(amount, '?')}", Json.ReceiveCodeInfo, cancellationToken);

    /// <summary>The caller's receive code drawn as a QR code, <c>png</c> or <c>svg</c>.</summary>
    public async Task<byte[]> GetReceiveCodeQrAsync(string format = "png", long? amount = null, CancellationToken cancellationToken = default) =>
        (await GetBytesAsync($"api/v1/wallet/receive-code?format={Escape(format)}{AmountQuery(amount, '&')}", cancellationToken)).Bytes;

    /// <summary>A new receive code; the one before stops working.</summary>
    public Task<ReceiveCodeInfo> ResetReceiveCodeAsync(CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, "api/v1/wallet/receive-code/reset", Json.ReceiveCodeInfo, cancellationToken);

    /// <summary>Whom a scanned receive code pays.</summary>
    public Task<ReceiveCodePreview> PreviewReceiveCodeAsync(string codeUrl, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, "api/v1/wallet/receive-code/preview", new ReceiveCodePreviewRequest(codeUrl), Json.ReceiveCodePreviewRequest, Json.ReceiveCodePreview, cancellationToken);

    /// <summary>Pays a scanned receive code's owner; the same <see cref="PayByCodeRequest.TransferId"/> again pays once.</summary>
    public Task<ReceiveCodePayment> PayByCodeAsync(PayByCodeRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, "api/v1/wallet/receive-code/payments", request, Json.PayByCodeRequest, Json.ReceiveCodePayment, cancellationToken);

    private static string AmountQuery(long? amount, char separator) =>
        amount is { } fen ? $"{separator}amount={fen.ToString(CultureInfo.InvariantCulture)}" : "";
}
