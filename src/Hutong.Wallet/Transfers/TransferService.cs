using Hutong.Accounts.Contacts;
using Hutong.Chat;
using Hutong.Chat.Conversations;
using Hutong.Chat.Messages;
using Hutong.Contracts.Chat;
using Hutong.Contracts;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.Wallet;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.Core.Telemetry;
using Hutong.Wallet.Ledger;
using Microsoft.Extensions.Options;

namespace Hutong.Wallet.Transfers;

/// <summary>
/// Money to a friend, held until they accept (docs/product.md): sending reserves it with a pending ledger transfer from the
/// sender's wallet to the receiver's; accepting posts it, declining or expiring voids it. The transfer's row is written
/// before the ledger moves and its state changes by a conditional update, so exactly one of accept, decline and expiry
/// wins; the ledger step after it is idempotent and the sweeper finishes it if a node stops half-way.
/// A transfer shows in the pair's chat as a message, and its outcome as a notice there, written by whoever settles it.
/// </summary>
public sealed class TransferService(
    WalletService wallet,
    LedgerWriter ledger,
    ITransferStore transfers,
    IContactStore contacts,
    ChatService chat,
    IGrainFactory grains,
    IOptions<WalletOptions> options,
    SweepMetrics sweeps,
    TimeProvider clock)
{
    /// <summary>A transfer the ledger refused (not enough money): it never held anything.</summary>
    internal const string Refused = "refused";

    private WalletOptions Options => options.Value;

    public async Task<Result<TransferInfo>> SendAsync(Guid me, SendTransferRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        WalletInput.CheckMovement(errors, request.TransferId, request.Amount, Options.MaxTransferAmount);

        if (request.Note is { Length: > 100 })
        {
            errors.Add("note", "A note is at most 100 characters.");
        }

        if (!Ids.TryParse(request.ToUserId, out var to) || to == me)
        {
            errors.Add("toUserId", "Send to a friend, not to yourself.");
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        if (await contacts.FindFriendAsync(me, to, cancellationToken) is null)
        {
            return Error.Forbidden(ErrorCodes.NotFriends, "Money goes only to friends.");
        }

        var (conversationId, _) = await chat.EnsureDirectAsync(me, to, cancellationToken);
        var conversation = grains.GetGrain<IConversationGrain>(conversationId);
        if (await conversation.FindMembershipAsync(me) is not { Open: true })
        {
            return Error.Forbidden(ErrorCodes.MessageRefused, "You can send money only to friends who have not blocked you.");
        }

        var pin = await wallet.CheckPinAsync(me, request.Pin, cancellationToken);
        if (!pin.IsSuccess)
        {
            return pin.Error;
        }

        var now = clock.GetUtcNow();
        var stored = await transfers.AddAsync(
            new PersonTransfer(Ids.New(clock), request.TransferId, me, to, request.Amount, request.Note, TransferStates.Pending, now, now + Options.TransferExpiry, false),
            cancellationToken);
        if (stored.ReceiverId != to || stored.Amount != request.Amount || stored.Note != request.Note)
        {
            return WalletErrors.IdempotencyConflict;
        }

        if (stored.State == Refused)
        {
            return WalletErrors.InsufficientFunds;
        }

        var hold = await ledger.ApplyAsync(
            new TransferRequest(HoldId(stored), me, to, stored.Amount, TransferCode.PersonToPerson, TransferKind.Pending, Reference: Ids.Format(stored.Id)),
            wallet.Account(me), wallet.Account(to));
        if (hold.Result == TransferResult.ExceedsCredits)
        {
            await transfers.ResolveAsync(stored.Id, Refused, cancellationToken);
            await transfers.MarkSettledAsync(stored.Id, cancellationToken);
            return WalletErrors.InsufficientFunds;
        }

        // The money is held; the message tells the receiver. A retry finds the same message by its client id, and a
        // transfer whose message never went out (the node stopped) goes back to its sender when it expires.
        var message = SendCommand.Of(me, $"transfer:{stored.Id:N}", new TransferContent(Ids.Format(stored.Id), stored.Amount, stored.Note));
        var sent = await conversation.SendAsync(message);
        if (!sent.IsSuccess)
        {
            return sent.Error;
        }

        return Info((await transfers.FindAsync(stored.Id, cancellationToken))!, me);
    }

    /// <summary>A transfer by the node's id, to its sender or receiver; anyone else learns nothing, not even that it exists.</summary>
    public async Task<Result<TransferInfo>> GetAsync(Guid me, string id, CancellationToken cancellationToken) =>
        await FindAsync(me, id, cancellationToken) is { } found ? Info(found, me) : NotFound;

    public Task<Result<TransferInfo>> AcceptAsync(Guid me, string id, CancellationToken cancellationToken) =>
        AnswerAsync(me, id, TransferStates.Accepted, cancellationToken);

    public Task<Result<TransferInfo>> DeclineAsync(Guid me, string id, CancellationToken cancellationToken) =>
        AnswerAsync(me, id, TransferStates.Declined, cancellationToken);

    /// <summary>Expires what is due and finishes what a stopped node left half-done; returns how many it handled.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var due = await transfers.ListDueAsync(clock.GetUtcNow(), 200, cancellationToken);
        foreach (var transfer in due)
        {
            if (transfer.State == TransferStates.Pending)
            {
                // Only an expiry has a due time; a resolved transfer left unsettled is a crash's repair.
                sweeps.Acted("transfer", transfer.ExpiresAt, clock.GetUtcNow());
                await transfers.ResolveAsync(transfer.Id, TransferStates.Expired, cancellationToken);
            }

            // Whoever won, the ledger now carries out the state the row holds.
            if (await transfers.FindAsync(transfer.Id, cancellationToken) is { } current)
            {
                await SettleAsync(current, cancellationToken);
            }
        }

        return due.Count;
    }

    private async Task<Result<TransferInfo>> AnswerAsync(Guid me, string id, string answer, CancellationToken cancellationToken)
    {
        if (await FindAsync(me, id, cancellationToken) is not { } transfer || transfer.ReceiverId != me)
        {
            return NotFound;
        }

        if (transfer.State == TransferStates.Pending && transfer.ExpiresAt <= clock.GetUtcNow())
        {
            // Past its time, even if the sweeper has not come by yet.
            await transfers.ResolveAsync(transfer.Id, TransferStates.Expired, cancellationToken);
        }
        else
        {
            await transfers.ResolveAsync(transfer.Id, answer, cancellationToken);
        }

        var current = (await transfers.FindAsync(transfer.Id, cancellationToken))!;
        await SettleAsync(current, cancellationToken);
        return current.State == answer
            ? Info(current, me)
            : Error.Conflict(ErrorCodes.TransferNotPending, $"The transfer was already {current.State}.");
    }

    /// <summary>Posts or voids the held money as the transfer's state says; safe to repeat.</summary>
    private async Task SettleAsync(PersonTransfer transfer, CancellationToken cancellationToken)
    {
        if (transfer.Settled || transfer.State == TransferStates.Pending)
        {
            return;
        }

        if (transfer.State == Refused)
        {
            // Never held (its node stopped before marking it): nothing moved, nothing to tell.
            await transfers.MarkSettledAsync(transfer.Id, cancellationToken);
            return;
        }

        var outcome = await ledger.ApplyAsync(SettleStep(transfer));

        // Moved now or before (by a racing answer or sweep, or a node that stopped before it told the chat): tell the
        // chat, once whoever asks. A transfer never held (a node stopped between the row and the hold) has nothing to
        // tell. Until both are done, the row stays unsettled and the next sweep tries again.
        var moved = outcome.Succeeded || outcome.Result is TransferResult.PendingAlreadyPosted or TransferResult.PendingAlreadyVoided;
        if ((moved && await TellAsync(transfer, cancellationToken)) || outcome.Result == TransferResult.PendingNotFound)
        {
            await transfers.MarkSettledAsync(transfer.Id, cancellationToken);
        }
    }

    /// <summary>The ledger step that carries out a transfer's final state: post the held money, or void the hold.</summary>
    internal static TransferRequest SettleStep(PersonTransfer transfer)
    {
        var accepted = transfer.State == TransferStates.Accepted;
        return new TransferRequest(
            (accepted ? "p2p-post:" : "p2p-void:") + HoldId(transfer)[4..], transfer.SenderId, transfer.ReceiverId, transfer.Amount,
            TransferCode.PersonToPerson, accepted ? TransferKind.PostPending : TransferKind.VoidPending, HoldId(transfer), Ids.Format(transfer.Id));
    }

    /// <summary>
    /// The outcome as a notice in the pair's chat, from the one whose doing it was (the sender, for an expiry); keyed by
    /// the transfer, so however many times it is told, the chat shows it once. False when the chat could not store it just
    /// now; a chat that refuses it for good (no such conversation) is not asked again.
    /// </summary>
    private async Task<bool> TellAsync(PersonTransfer transfer, CancellationToken cancellationToken)
    {
        var (type, actor) = transfer.State switch
        {
            TransferStates.Accepted => (NoticeTypes.TransferAccepted, transfer.ReceiverId),
            TransferStates.Declined => (NoticeTypes.TransferDeclined, transfer.ReceiverId),
            _ => (NoticeTypes.TransferExpired, transfer.SenderId),
        };
        var (conversationId, _) = await chat.EnsureDirectAsync(transfer.SenderId, transfer.ReceiverId, cancellationToken);
        var told = await grains.GetGrain<IConversationGrain>(conversationId).PostNoticeAsync(actor, type, Ids.Format(transfer.Id), $"transfer-outcome:{transfer.Id:N}");
        return told.IsSuccess || told.Error.Status < 500;
    }

    private async Task<PersonTransfer?> FindAsync(Guid me, string id, CancellationToken cancellationToken) =>
        Ids.TryParse(id, out var key) && await transfers.FindAsync(key, cancellationToken) is { State: not Refused } found && (found.SenderId == me || found.ReceiverId == me)
            ? found
            : null;

    private static Error NotFound => Error.NotFound(ErrorCodes.TransferNotFound, "No such transfer to or from you.");

    private static string HoldId(PersonTransfer transfer) => $"p2p:{transfer.SenderId:N}:{transfer.TransferId}";

    private static TransferInfo Info(PersonTransfer t, Guid me) =>
        new(Ids.Format(t.Id), t.SenderId == me ? t.TransferId : null, Ids.Format(t.SenderId), Ids.Format(t.ReceiverId), t.Amount, t.Note, t.State, t.CreatedAt, t.ExpiresAt);
}
