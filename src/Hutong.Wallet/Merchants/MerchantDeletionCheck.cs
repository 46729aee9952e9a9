using Hutong.Accounts.Identity;
using Hutong.Contracts;
using Hutong.Core.Errors;
using Hutong.Wallet.Ledger;
using Hutong.Wallet.Merchants.Orders;

namespace Hutong.Wallet.Merchants;

/// <summary>
/// An account is deleted only once its merchants hold no money: nothing settled that was not paid out, and nothing
/// paid that is still to settle. Their money would otherwise be left where no one could pay it out.
/// </summary>
internal sealed class MerchantDeletionCheck(IMerchantStore merchants, IOrderStore orders, ILedgerStore ledger) : IAccountDeletionCheck
{
    public async Task<Error?> CheckAsync(Guid userId, CancellationToken cancellationToken)
    {
        foreach (var merchant in await merchants.ListByOwnerAsync(userId, cancellationToken))
        {
            var account = await ledger.FindAccountAsync(merchant.Id, cancellationToken);
            if (account is { Balance: not 0 } or { DebitsPending: not 0 } or { CreditsPending: not 0 }
                || await orders.UnsettledAsync(merchant.Id, cancellationToken) != 0)
            {
                return Error.Conflict(ErrorCodes.WalletNotEmpty, "Empty the wallet first.",
                    $"The merchant {merchant.ShortName} still holds money: pay out what has settled, and wait for what is still to settle, before deleting the account.");
            }
        }

        return null;
    }
}
