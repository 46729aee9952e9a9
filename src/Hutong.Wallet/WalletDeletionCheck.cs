using Hutong.Accounts.Identity;
using Hutong.Contracts;
using Hutong.Core.Errors;
using Hutong.Wallet.Ledger;
using Hutong.Wallet.RedPackets;

namespace Hutong.Wallet;

/// <summary>
/// An account is deleted only with an empty wallet: no balance, nothing held for or from it (pending transfers either
/// way), and no red packet that could still send money back. Money is never left in an account no one can reach.
/// </summary>
internal sealed class WalletDeletionCheck(ILedgerStore ledger, IRedPacketStore packets) : IAccountDeletionCheck
{
    public async Task<Error?> CheckAsync(Guid userId, CancellationToken cancellationToken)
    {
        var account = await ledger.FindAccountAsync(userId, cancellationToken);
        if (account is { } wallet && (wallet.Balance != 0 || wallet.DebitsPending != 0 || wallet.CreditsPending != 0))
        {
            return Error.Conflict(
                ErrorCodes.WalletNotEmpty, "Empty the wallet first.",
                "Withdraw the balance, and answer or wait out pending transfers, before deleting the account.");
        }

        return await packets.AnyOutstandingAsync(userId, cancellationToken)
            ? Error.Conflict(ErrorCodes.WalletNotEmpty, "Empty the wallet first.", "A red packet of yours is still open; what is left comes back within 24 hours.")
            : null;
    }
}
