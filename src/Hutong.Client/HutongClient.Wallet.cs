using Hutong.Contracts.Wallet;

namespace Hutong.Client;

/// <summary>The caller's wallet.</summary>
public sealed partial class HutongClient
{
    public Task<WalletInfo> GetWalletAsync(CancellationToken cancellationToken = default) =>
        GetAsync("api/v1/wallet", Json.WalletInfo, cancellationToken);

    /// <summary>Sets the payment PIN; changing it takes the current one.</summary>
    public Task SetPinAsync(string pin, string? currentPin = null, CancellationToken cancellationToken = default) =>
        SendNoContentAsync(HttpMethod.Put, "api/v1/wallet/pin", new SetPinRequest(pin, currentPin), Json.SetPinRequest, cancellationToken);

    public Task<WalletReceipt> TopUpAsync(string transferId, long amount, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, "api/v1/wallet/top-ups", new TopUpRequest(transferId, amount), Json.TopUpRequest, Json.WalletReceipt, cancellationToken);

    public Task<WalletReceipt> WithdrawAsync(string transferId, long amount, string pin, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, "api/v1/wallet/withdrawals", new WithdrawalRequest(transferId, amount, pin), Json.WithdrawalRequest, Json.WalletReceipt, cancellationToken);

    /// <summary>The caller's wallet movements, newest first.</summary>
    public Task<WalletEntryList> GetWalletEntriesAsync(int? limit = null, string? cursor = null, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/wallet/transactions?{Page(limit, cursor).TrimStart('&')}", Json.WalletEntryList, cancellationToken);

    /// <summary>Sends money to a friend; it waits for them to accept.</summary>
    public Task<TransferInfo> SendTransferAsync(SendTransferRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, "api/v1/transfers", request, Json.SendTransferRequest, Json.TransferInfo, cancellationToken);

    /// <summary>A transfer to or from the caller, by the node's <see cref="TransferInfo.Id"/>.</summary>
    public Task<TransferInfo> GetTransferAsync(string id, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/transfers/{Escape(id)}", Json.TransferInfo, cancellationToken);

    public Task<TransferInfo> AcceptTransferAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"api/v1/transfers/{Escape(id)}/accept", Json.TransferInfo, cancellationToken);

    public Task<TransferInfo> DeclineTransferAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"api/v1/transfers/{Escape(id)}/decline", Json.TransferInfo, cancellationToken);

    /// <summary>Puts a red packet in a conversation; the money leaves the wallet at once.</summary>
    public Task<RedPacketInfo> SendRedPacketAsync(SendRedPacketRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, "api/v1/red-packets", request, Json.SendRedPacketRequest, Json.RedPacketInfo, cancellationToken);

    public Task<RedPacketInfo> GetRedPacketAsync(string id, CancellationToken cancellationToken = default) =>
        GetAsync($"api/v1/red-packets/{Escape(id)}", Json.RedPacketInfo, cancellationToken);

    /// <summary>Opens the caller's share.</summary>
    public Task<RedPacketOpened> OpenRedPacketAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"api/v1/red-packets/{Escape(id)}/open", Json.RedPacketOpened, cancellationToken);
}
