using System.Globalization;
using System.Security.Cryptography;
using Hutong.Accounts.Contacts;
using Hutong.Accounts.Identity;
using Hutong.Contracts;
using Hutong.Contracts.Events;
using Hutong.Contracts.Wallet;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.Realtime.Log;
using Hutong.Wallet.Ledger;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hutong.Wallet.Receiving;

/// <summary>
/// A person's receive-money code (docs/api.md, "Receive codes"), as WeChat's 收款码: whoever scans it pays them straight
/// into their wallet, with the PIN, and nobody has to accept. The code is a random token stored per person, not their
/// user id: a reset replaces it and the old one names nobody from then on. A payment is a row (its note, and the code it
/// was made with) and a posted ledger transfer payer → receiver whose id is namespaced by the payer, so one person's
/// transfer ids never meet another's; the receiver is told by an event in their log.
/// </summary>
public sealed partial class ReceiveCodeService(
    IReceiveCodeStore codes,
    IAccountStore accounts,
    IContactStore contacts,
    WalletService wallet,
    ILedgerStore ledgerStore,
    LedgerWriter ledger,
    EventLog events,
    IOptions<WalletOptions> options,
    TimeProvider clock,
    ILogger<ReceiveCodeService> logger)
{
    /// <summary>The longest note, as a transfer's.</summary>
    public const int MaxNoteLength = 100;

    /// <summary>A code is 16 base64url characters (12 random bytes); the limit only keeps made-up ones out of the database.</summary>
    private const int MaxCodeLength = 32;

    private static readonly string Prefix = DeepLinks.Receive(string.Empty);

    private static readonly Error NotFound = Error.NotFound(ErrorCodes.ReceiveCodeNotFound, "No one has that receive code; it may have been reset.");

    private static readonly Error PaySelf = Error.BadRequest(ErrorCodes.CannotPaySelf, "That is your own receive code.");

    private static readonly Error Refused = Error.Forbidden(ErrorCodes.PaymentRefused, "This person does not take payments from you.");

    private WalletOptions Options => options.Value;

    /// <summary>The caller's code, made on their first ask; with <paramref name="amount"/>, a link that fixes what the payer pays.</summary>
    public async Task<Result<ReceiveCodeInfo>> GetAsync(Guid me, long? amount, CancellationToken cancellationToken)
    {
        if (amount is { } fixedAmount && (fixedAmount <= 0 || fixedAmount > Options.MaxTransferAmount))
        {
            return WalletErrors.Invalid("amount", $"The amount is in fen, from 1 to {Options.MaxTransferAmount}.");
        }

        var code = await codes.GetOrAddAsync(me, NewCode(), clock.GetUtcNow(), cancellationToken);
        return new ReceiveCodeInfo(DeepLinks.Receive(code, amount), amount);
    }

    /// <summary>A new code for the caller: the one before it stops working at once, printed copies too.</summary>
    public async Task<ReceiveCodeInfo> ResetAsync(Guid me, CancellationToken cancellationToken)
    {
        var code = NewCode();
        await codes.ResetAsync(me, code, clock.GetUtcNow(), cancellationToken);
        return new ReceiveCodeInfo(DeepLinks.Receive(code), null);
    }

    /// <summary>Whom a scanned code pays, before the payer types anything.</summary>
    public async Task<Result<ReceiveCodePreview>> PreviewAsync(Guid me, ReceiveCodePreviewRequest request, CancellationToken cancellationToken)
    {
        if (!TryParse(request.CodeUrl, out var code, out var amount))
        {
            return NotFound;
        }

        var receiver = await ReceiverAsync(me, code, cancellationToken);
        if (!receiver.IsSuccess)
        {
            return receiver.Error;
        }

        var profile = AccountService.ToPublicProfile(receiver.Value);
        return new ReceiveCodePreview(profile.DisplayName, profile.AvatarUrl, amount, Options.Currency);
    }

    /// <summary>
    /// Pays the code's owner from the caller's wallet. The same transfer id again answers the first payment (even once
    /// the code is reset) and moves nothing again; a different request under it is refused. One refused for too little
    /// money moved nothing, so the same id may be tried again.
    /// </summary>
    public async Task<Result<ReceiveCodePayment>> PayAsync(Guid me, PayByCodeRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        WalletInput.CheckMovement(errors, request.TransferId, request.Amount, Options.MaxTransferAmount);
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        if (note is { Length: > MaxNoteLength })
        {
            errors.Add("note", $"A note is at most {MaxNoteLength} characters.");
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        if (!TryParse(request.CodeUrl, out var code, out var fixedAmount))
        {
            return NotFound;
        }

        var pin = await wallet.CheckPinAsync(me, request.Pin, cancellationToken);
        if (!pin.IsSuccess)
        {
            return pin.Error;
        }

        var id = LedgerId(me, request.TransferId);
        if (await codes.FindPaymentAsync(me, request.TransferId, cancellationToken) is { } earlier
            && await ledgerStore.FindTransferAsync(id, cancellationToken) is { } done)
        {
            // Paid before: the answer again, whatever became of the code since.
            return Same(earlier, code, request.Amount, note) ? await ReceiptAsync(me, earlier, done, cancellationToken) : WalletErrors.IdempotencyConflict;
        }

        var receiver = await ReceiverAsync(me, code, cancellationToken);
        if (!receiver.IsSuccess)
        {
            return receiver.Error;
        }

        if (fixedAmount is { } asked && asked != request.Amount)
        {
            return WalletErrors.Invalid("amount", $"This code asks for {asked.ToString(CultureInfo.InvariantCulture)} fen.");
        }

        var to = receiver.Value.Id;
        var stored = await codes.AddPaymentAsync(
            new CodePayment(Ids.New(clock), me, request.TransferId, to, code, request.Amount, note, clock.GetUtcNow()), cancellationToken);
        if (!Same(stored, code, request.Amount, note) || stored.ReceiverId != to)
        {
            return WalletErrors.IdempotencyConflict;
        }

        var outcome = await ledger.ApplyAsync(
            new TransferRequest(id, me, to, stored.Amount, TransferCode.ReceiveCodePayment, Reference: Ids.Format(stored.Id)),
            wallet.Account(me), wallet.Account(to));
        switch (outcome.Result)
        {
            case TransferResult.Created:
                await TellAsync(stored, outcome.Transfer!);
                return await ReceiptAsync(me, stored, outcome.Transfer!, cancellationToken);
            case TransferResult.Exists:
                return await ReceiptAsync(me, stored, outcome.Transfer!, cancellationToken);
            case TransferResult.ExistsWithDifferentFields:
                return WalletErrors.IdempotencyConflict;
            case TransferResult.ExceedsCredits:
                return WalletErrors.InsufficientFunds;
            default:
                throw new InvalidOperationException($"The ledger refused a well-formed payment by code: {outcome.Result}.");
        }
    }

    /// <summary>
    /// The code's owner, if the caller may pay them: an unknown or reset code, or an account deleted since, names nobody;
    /// one's own code is refused, and so is the code of someone who blocked the caller (in words that do not say so).
    /// </summary>
    private async Task<Result<Account>> ReceiverAsync(Guid me, string code, CancellationToken cancellationToken)
    {
        if (await codes.FindOwnerAsync(code, cancellationToken) is not { } owner
            || await accounts.FindAsync(owner, cancellationToken) is not { Deleted: false } receiver)
        {
            return NotFound;
        }

        if (owner == me)
        {
            return PaySelf;
        }

        var relationship = await contacts.GetRelationshipAsync(me, owner, clock.GetUtcNow(), cancellationToken);
        return relationship.TheyBlockedMe ? Refused : receiver;
    }

    /// <summary>
    /// The receiver hears of the money on their devices. The payment stands whether or not this is written: a failure
    /// is logged and the receiver's history still shows it.
    /// </summary>
    private async Task TellAsync(CodePayment payment, Transfer transfer)
    {
        try
        {
            await events.AppendAsync(
                payment.ReceiverId,
                new ReceiveCodePaymentEvent(Ids.Format(payment.Id), Ids.Format(payment.PayerId), transfer.Amount, Options.Currency, payment.Note));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            NotTold(logger, payment.Id, e);
        }
    }

    private async Task<ReceiveCodePayment> ReceiptAsync(Guid me, CodePayment payment, Transfer transfer, CancellationToken cancellationToken)
    {
        var receiver = await accounts.FindAsync(payment.ReceiverId, cancellationToken);
        var profile = receiver is null ? null : AccountService.ToPublicProfile(receiver);
        var balance = (await ledgerStore.FindAccountAsync(me, cancellationToken))!.Balance;
        return new ReceiveCodePayment(
            Ids.Format(payment.Id), payment.TransferId, profile?.DisplayName ?? AccountService.DeletedName, profile?.AvatarUrl,
            transfer.Amount, Options.Currency, payment.Note, balance, transfer.CreatedAt);
    }

    private static bool Same(CodePayment payment, string code, long amount, string? note) =>
        payment.Code == code && payment.Amount == amount && payment.Note == note;

    /// <summary>
    /// Reads <c>hutong://receive/{code}</c>, with <c>?amount={fen}</c> or nothing after it: anything else is not a link
    /// this node made.
    /// </summary>
    internal static bool TryParse(string? codeUrl, out string code, out long? amount)
    {
        code = string.Empty;
        amount = null;
        if (codeUrl is not { Length: <= 256 } || !codeUrl.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = codeUrl[Prefix.Length..];
        var question = rest.IndexOf('?', StringComparison.Ordinal);
        var token = question < 0 ? rest : rest[..question];
        if (token.Length is 0 or > MaxCodeLength || !token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return false;
        }

        if (question >= 0)
        {
            const string parameter = "amount=";
            var query = rest[(question + 1)..];
            if (!query.StartsWith(parameter, StringComparison.Ordinal) || query.Length - parameter.Length is 0 or > 18
                || !query[parameter.Length..].All(char.IsAsciiDigit))
            {
                return false;
            }

            var value = long.Parse(query[parameter.Length..], NumberStyles.None, CultureInfo.InvariantCulture);
            if (value <= 0)
            {
                return false;
            }

            amount = value;
        }

        code = token;
        return true;
    }

    private static string NewCode() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', '-').Replace('/', '_');

    internal static string LedgerId(Guid payerId, string transferId) => $"receive:{payerId:N}:{transferId}";

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Payment {PaymentId} by receive code moved the money, but its receiver's event could not be written.")]
    private static partial void NotTold(ILogger logger, Guid paymentId, Exception exception);
}
