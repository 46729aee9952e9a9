using Hutong.Accounts.Identity;
using Hutong.Contracts;
using Hutong.Contracts.Wallet;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.Wallet.Ledger;
using Hutong.Wallet.Merchants;
using Hutong.Wallet.Merchants.Orders;
using Hutong.Wallet.Pins;
using Hutong.Wallet.Rails;
using Microsoft.Extensions.Options;

namespace Hutong.Wallet;

/// <summary>
/// A person's wallet: its balance, its payment PIN, and money in and out through the rail (the accounts are
/// <see cref="WalletAccounts"/>). Ledger ids are namespaced by person and purpose, so one person's transfer ids never
/// meet another's.
/// </summary>
public sealed class WalletService(
    ILedgerStore ledger, LedgerWriter writer, IPinStore pins, PasswordHasher hasher, IPaymentRail rail, IOrderStore orders, IMerchantStore merchants,
    IAccountStore accounts, IOptions<WalletOptions> options, TimeProvider clock)
{
    private WalletOptions Options => options.Value;

    public async Task<WalletInfo> GetAsync(Guid me, CancellationToken cancellationToken)
    {
        // A wallet nothing has moved through yet holds nothing; it is opened by its first transfer.
        var account = await ledger.FindAccountAsync(me, cancellationToken) ?? Account(me);
        var pin = await pins.FindAsync(me, cancellationToken);
        return new WalletInfo(
            account.Balance, account.Currency, pin is not null, account.Available,
            new WalletLimits(Options.MaxTransferAmount, Options.MaxRedPacketShare, Options.MaxRedPacketShares, Options.MaxRailAmount));
    }

    public async Task<Result<Done>> SetPinAsync(Guid me, SetPinRequest request, CancellationToken cancellationToken)
    {
        if (!PaymentPins.IsWellFormed(request.Pin))
        {
            return WalletErrors.Invalid("pin", "A payment PIN is 6 digits.");
        }

        // Refused before the current PIN is checked, so a rejected choice never costs one of the person's tries.
        if (PaymentPins.IsEasyToGuess(request.Pin))
        {
            return WalletErrors.Invalid("pin", "That PIN is too easy to guess: avoid one digit repeated (111111), runs (123456, 112233) and repeated patterns (121212).");
        }

        if (await pins.FindAsync(me, cancellationToken) is not null)
        {
            var check = await CheckPinAsync(me, request.CurrentPin, cancellationToken);
            if (!check.IsSuccess)
            {
                return check.Error;
            }
        }

        await pins.SetAsync(me, hasher.Hash(request.Pin), cancellationToken);
        return Done.Value;
    }

    public async Task<Result<WalletReceipt>> TopUpAsync(Guid me, TopUpRequest request, CancellationToken cancellationToken)
    {
        if (CheckRailRequest(request.TransferId, request.Amount) is { } invalid)
        {
            return invalid;
        }

        var id = LedgerId("topup", me, request.TransferId);
        if (!await rail.CollectAsync(me, request.Amount, id, cancellationToken))
        {
            return Error.Conflict(ErrorCodes.RailDeclined, "The bank declined the top-up.");
        }

        var outcome = await writer.ApplyAsync(
            new TransferRequest(id, WalletAccounts.RailId, me, request.Amount, TransferCode.TopUp, Reference: request.TransferId),
            WalletAccounts.Rail(Options.Currency), Account(me));
        return await ReceiptAsync(me, request.TransferId, WalletEntryKinds.TopUp, outcome, cancellationToken);
    }

    public async Task<Result<WalletReceipt>> WithdrawAsync(Guid me, WithdrawalRequest request, CancellationToken cancellationToken)
    {
        if (CheckRailRequest(request.TransferId, request.Amount) is { } invalid)
        {
            return invalid;
        }

        var pin = await CheckPinAsync(me, request.Pin, cancellationToken);
        if (!pin.IsSuccess)
        {
            return pin.Error;
        }

        var id = LedgerId("withdraw", me, request.TransferId);
        var outcome = await writer.ApplyAsync(
            new TransferRequest(id, me, WalletAccounts.RailId, request.Amount, TransferCode.Withdrawal, Reference: request.TransferId),
            WalletAccounts.Rail(Options.Currency), Account(me));
        if (outcome.Result == TransferResult.Created)
        {
            // The ledger holds the money out first; the simulated bank always pays, a real rail reconciles by reference.
            await rail.PayOutAsync(me, request.Amount, id, cancellationToken);
        }

        return await ReceiptAsync(me, request.TransferId, WalletEntryKinds.Withdrawal, outcome, cancellationToken);
    }

    public async Task<Result<WalletEntryList>> ListAsync(Guid me, string? cursor, int? limit, CancellationToken cancellationToken)
    {
        var page = WalletInput.Page(limit, cursor);
        if (!page.IsSuccess)
        {
            return page.Error;
        }

        var (size, after) = page.Value;
        var transfers = await ledger.ListAsync(me, after, size, cancellationToken);
        var titles = await MerchantTitlesAsync(transfers, cancellationToken);
        foreach (var (transferId, name) in await PersonTitlesAsync(me, transfers, cancellationToken))
        {
            titles[transferId] = name;
        }

        var entries = transfers.Select(t => new WalletEntry(
            KindOf(t, me), t.CreditAccountId == me ? t.Amount : -t.Amount, t.Reference, t.CreatedAt, titles.GetValueOrDefault(t.Id))).ToList();
        var next = transfers.Count == size ? new TimeCursor(transfers[^1].CreatedAt, transfers[^1].Id).Encode() : null;
        return new WalletEntryList(entries, next);
    }

    /// <summary>
    /// The merchant's short name for each payment, refund and payout of a page, by ledger transfer id, in at most three
    /// queries whatever the page holds: a payment's reference is its order's transaction id, a refund's its refund id,
    /// and a payout comes from the merchant's own account.
    /// </summary>
    private async Task<Dictionary<string, string>> MerchantTitlesAsync(IReadOnlyList<Transfer> transfers, CancellationToken cancellationToken)
    {
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        var payments = transfers.Where(t => t is { Code: TransferCode.MerchantPayment, Reference: not null }).ToList();
        var refunds = transfers.Where(t => t is { Code: TransferCode.MerchantRefund, Reference: not null }).ToList();
        var payouts = transfers.Where(t => t.Code == TransferCode.MerchantPayout).ToList();
        if (payments.Count + refunds.Count + payouts.Count == 0)
        {
            return titles;
        }

        var orderMerchants = (await orders.ListByTransactionIdsAsync([.. payments.Select(t => t.Reference!)], cancellationToken))
            .ToDictionary(o => o.TransactionId, o => o.MerchantId, StringComparer.Ordinal);
        var refundMerchants = (await orders.ListRefundsByRefundIdsAsync([.. refunds.Select(t => t.Reference!)], cancellationToken))
            .ToDictionary(r => r.RefundId, r => r.MerchantId, StringComparer.Ordinal);
        var merchantOf = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var payment in payments)
        {
            if (orderMerchants.TryGetValue(payment.Reference!, out var merchantId))
            {
                merchantOf[payment.Id] = merchantId;
            }
        }

        foreach (var refund in refunds)
        {
            if (refundMerchants.TryGetValue(refund.Reference!, out var merchantId))
            {
                merchantOf[refund.Id] = merchantId;
            }
        }

        foreach (var payout in payouts)
        {
            merchantOf[payout.Id] = payout.DebitAccountId;
        }

        var names = (await merchants.ListAsync([.. merchantOf.Values.Distinct()], cancellationToken)).ToDictionary(m => m.Id, m => m.ShortName);
        foreach (var (transferId, merchantId) in merchantOf)
        {
            if (names.TryGetValue(merchantId, out var name))
            {
                titles[transferId] = name;
            }
        }

        return titles;
    }

    /// <summary>
    /// The other person's name for each payment by receive code of a page, by ledger transfer id, in one query whatever
    /// the page holds: the payer sees whom they paid, the receiver who paid them.
    /// </summary>
    private async Task<Dictionary<string, string>> PersonTitlesAsync(Guid me, IReadOnlyList<Transfer> transfers, CancellationToken cancellationToken)
    {
        var otherOf = transfers.Where(t => t.Code == TransferCode.ReceiveCodePayment)
            .ToDictionary(t => t.Id, t => t.DebitAccountId == me ? t.CreditAccountId : t.DebitAccountId, StringComparer.Ordinal);
        if (otherOf.Count == 0)
        {
            return [];
        }

        var names = (await accounts.ListAsync([.. otherOf.Values.Distinct()], cancellationToken))
            .ToDictionary(a => a.Id, a => AccountService.ToPublicProfile(a).DisplayName);
        return otherOf.Where(o => names.ContainsKey(o.Value)).ToDictionary(o => o.Key, o => names[o.Value], StringComparer.Ordinal);
    }

    /// <summary>Checks the PIN for a spend, counting wrong attempts towards the lockout.</summary>
    public async Task<Result<Done>> CheckPinAsync(Guid me, string? pin, CancellationToken cancellationToken)
    {
        if (await pins.FindAsync(me, cancellationToken) is not { } state)
        {
            return WalletErrors.PinNotSet;
        }

        var now = clock.GetUtcNow();
        if (state.LockedUntil is { } until && until > now)
        {
            return WalletErrors.PinLocked(until - now);
        }

        if (pin is null || !hasher.Verify(pin, state.PinHash, out _))
        {
            var failed = await pins.FailAsync(me, Options.PinAttempts, now + Options.PinLockout, cancellationToken);
            return failed.LockedUntil is { } locked && locked > now
                ? WalletErrors.PinLocked(locked - now)
                : WalletErrors.WrongPin(Options.PinAttempts - failed.FailedAttempts);
        }

        await pins.ClearFailuresAsync(me, cancellationToken);
        return Done.Value;
    }

    /// <summary>The person's wallet account as the ledger opens it, in this node's currency.</summary>
    internal LedgerAccount Account(Guid userId) => WalletAccounts.Person(userId, Options.Currency);

    private async Task<Result<WalletReceipt>> ReceiptAsync(Guid me, string transferId, string kind, TransferOutcome outcome, CancellationToken cancellationToken)
    {
        switch (outcome.Result)
        {
            case TransferResult.Created or TransferResult.Exists:
                var balance = (await ledger.FindAccountAsync(me, cancellationToken))!.Balance;
                return new WalletReceipt(transferId, kind, outcome.Transfer!.Amount, balance, outcome.Transfer.CreatedAt);
            case TransferResult.ExistsWithDifferentFields:
                return WalletErrors.IdempotencyConflict;
            case TransferResult.ExceedsCredits:
                return WalletErrors.InsufficientFunds;
            default:
                throw new InvalidOperationException($"The ledger refused a well-formed wallet transfer: {outcome.Result}.");
        }
    }

    private Error? CheckRailRequest(string? transferId, long amount)
    {
        var errors = new FieldErrors();
        WalletInput.CheckMovement(errors, transferId, amount, Options.MaxRailAmount);
        return errors.Any ? errors.ToError() : null;
    }

    private static string LedgerId(string purpose, Guid me, string transferId) => $"{purpose}:{me:N}:{transferId}";

    private static string KindOf(Transfer transfer, Guid me) => transfer.Code switch
    {
        TransferCode.TopUp => WalletEntryKinds.TopUp,
        TransferCode.Withdrawal => WalletEntryKinds.Withdrawal,
        TransferCode.PersonToPerson => WalletEntryKinds.Transfer,
        TransferCode.RedPacketFund or TransferCode.RedPacketOpen or TransferCode.RedPacketRefund => WalletEntryKinds.RedPacket,
        TransferCode.MerchantPayment => WalletEntryKinds.Payment,
        TransferCode.MerchantRefund => WalletEntryKinds.Refund,
        TransferCode.MerchantPayout => WalletEntryKinds.MerchantPayout,
        TransferCode.ReceiveCodePayment => transfer.DebitAccountId == me ? WalletEntryKinds.PaidByCode : WalletEntryKinds.ReceivedByCode,
        // A settlement moves an order's escrow to its merchant: it never touches a person's wallet.
        _ => throw new ArgumentOutOfRangeException(nameof(transfer)),
    };
}
