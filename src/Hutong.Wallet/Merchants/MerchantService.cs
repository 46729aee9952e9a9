using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Hutong.Accounts.Identity;
using Hutong.Contracts;
using Hutong.Contracts.Wallet;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.Core.Identity;
using Hutong.Core.Text;
using Hutong.Wallet.Ledger;
using Hutong.Wallet.Merchants.Platform;
using Hutong.Wallet.Merchants.Protocol;
using Microsoft.Extensions.Options;

namespace Hutong.Wallet.Merchants;

/// <summary>
/// Merchants as their owners run them (docs/api.md "Merchants"): applying, the API v3 key, the API keys their requests
/// are signed with, the apps they charge through, their settled money and its payout to the owner's wallet; and the
/// operators' review. A merchant is seen by its owner and the operators only, and changed by its owner only.
/// </summary>
public sealed class MerchantService(
    IMerchantStore store,
    IPayingApps apps,
    Orders.IOrderStore orders,
    ILedgerStore ledger,
    LedgerWriter writer,
    WalletService wallet,
    PaymentKeys paymentKeys,
    Operators operators,
    IOptions<WalletOptions> options,
    TimeProvider clock)
{
    public static readonly Error NotFound = Error.NotFound(ErrorCodes.MerchantNotFound, "No such merchant.");

    private static readonly Error NotOwner = Error.Forbidden(ErrorCodes.NotMerchantOwner, "Only the merchant's owner may do that.");
    private static readonly Error KeyExists = Error.Conflict(ErrorCodes.MerchantKeyExists, "The merchant has that key already.",
        "A key (or a certificate) is added once; a revoked one cannot come back: make a new key.");

    /// <summary>Merchants one person may hold at once, pending or approved (rejected ones do not count).</summary>
    public const int MaxMerchantsPerPerson = 5;

    /// <summary>API keys a merchant may have in use at once: enough to roll one over without a gap.</summary>
    public const int MaxKeys = 5;

    private const int MaxName = 64;
    private const int MaxShortName = 20;
    private const int MaxCategory = 32;
    private const int MaxRejectReason = 200;
    private const int ApiV3KeyLength = 32;
    private const int MinKeyBits = 2048;
    private const int MaxKeyBits = 4096;

    /// <summary>A PEM is far shorter than this; anything longer is not worth parsing.</summary>
    private const int MaxPem = 16 * 1024;

    /// <summary>Merchants shown to the operators at once.</summary>
    private const int ReviewListed = 100;

    private WalletOptions Options => options.Value;

    public async Task<Result<MerchantInfo>> CreateAsync(Guid me, CreateMerchantRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var name = Name(errors, "name", request.Name, MaxName);
        var shortName = Name(errors, "shortName", request.ShortName, MaxShortName);
        var category = Name(errors, "category", request.Category, MaxCategory);
        if (errors.Any)
        {
            return errors.ToError();
        }

        // A clash of ten random digits is rare but possible; any other refusal (the owner deleted meanwhile) is not
        // cured by drawing again, so the draws are bounded.
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var merchant = new Merchant(
                Ids.New(clock), NewMchId(), me, name, shortName, category, MerchantStates.Pending, null, null, clock.Now(), null);
            switch (await store.AddAsync(merchant, MaxMerchantsPerPerson, cancellationToken))
            {
                case Added.Yes:
                    return Info(merchant, [], []);
                case Added.Full:
                    return Error.Conflict(ErrorCodes.TooManyMerchants, "You have as many merchants as one person may.",
                        $"One person may hold {MaxMerchantsPerPerson} pending or approved merchants.");
            }
        }

        throw new InvalidOperationException("The merchant could not be stored under any of 20 merchant ids.");
    }

    /// <summary>The caller's own merchants, oldest first.</summary>
    public async Task<MerchantList> MineAsync(Guid me, CancellationToken cancellationToken)
    {
        var merchants = await store.ListByOwnerAsync(me, cancellationToken);
        return await ListAsync(merchants, cancellationToken);
    }

    public async Task<Result<MerchantInfo>> GetAsync(Guid me, Guid merchantId, CancellationToken cancellationToken)
    {
        var merchant = await VisibleAsync(me, merchantId, cancellationToken);
        return merchant is null ? NotFound : await InfoAsync(merchant, cancellationToken);
    }

    public async Task<Result<Done>> SetApiV3KeyAsync(Guid me, Guid merchantId, SetApiV3KeyRequest request, CancellationToken cancellationToken)
    {
        if (request.Key is not { Length: ApiV3KeyLength } key || !key.All(char.IsAsciiLetterOrDigit))
        {
            return WalletErrors.Invalid("key", $"An API v3 key is exactly {ApiV3KeyLength} ASCII letters and digits.");
        }

        var owned = await OwnedAsync(me, merchantId, cancellationToken);
        if (!owned.IsSuccess)
        {
            return owned.Error;
        }

        await store.SetApiV3KeyAsync(merchantId, key, cancellationToken);
        return Done.Value;
    }

    /// <summary>
    /// Adds an API key. A certificate is named by its own serial number; a bare key by the first 40 hex digits of the
    /// SHA-256 of its SubjectPublicKeyInfo, so the same key always has the same serial. Either way the key is kept as
    /// its SubjectPublicKeyInfo.
    /// </summary>
    public async Task<Result<MerchantKeyInfo>> AddKeyAsync(Guid me, Guid merchantId, AddMerchantKeyRequest request, CancellationToken cancellationToken)
    {
        var parsed = ParseKey(request.PublicKey);
        if (!parsed.IsSuccess)
        {
            return parsed.Error;
        }

        var owned = await OwnedAsync(me, merchantId, cancellationToken);
        if (!owned.IsSuccess)
        {
            return owned.Error;
        }

        var (serial, publicKey) = parsed.Value;
        var keys = await store.ListKeysAsync(merchantId, cancellationToken);
        if (keys.Any(k => k.SerialNo == serial || k.PublicKey.AsSpan().SequenceEqual(publicKey)))
        {
            return KeyExists;
        }

        var key = new MerchantKey(merchantId, serial, publicKey, clock.Now(), null);
        return await store.AddKeyAsync(key, MaxKeys, cancellationToken) switch
        {
            Added.Yes => new MerchantKeyInfo(key.SerialNo, key.CreatedAt),
            Added.Full => Error.Conflict(ErrorCodes.TooManyMerchantKeys, "The merchant has as many API keys as it may.",
                $"A merchant has at most {MaxKeys} keys in use: revoke one first."),
            _ => KeyExists,
        };
    }

    public async Task<Result<Done>> RevokeKeyAsync(Guid me, Guid merchantId, string serialNo, CancellationToken cancellationToken)
    {
        var owned = await OwnedAsync(me, merchantId, cancellationToken);
        if (!owned.IsSuccess)
        {
            return owned.Error;
        }

        return SerialNumbers.Canonical(serialNo) is { } serial && await store.RevokeKeyAsync(merchantId, serial, clock.Now(), cancellationToken)
            ? Done.Value
            : Error.NotFound(ErrorCodes.MerchantKeyNotFound, "The merchant has no key in use with that serial number.");
    }

    /// <summary>Binds an official account or mini-program the caller administers; binding one again changes nothing.</summary>
    public async Task<Result<Done>> BindAppAsync(Guid me, Guid merchantId, string appId, CancellationToken cancellationToken)
    {
        var owned = await OwnedAsync(me, merchantId, cancellationToken);
        if (!owned.IsSuccess)
        {
            return owned.Error;
        }

        // Whether an app exists is not told to those who do not administer it: one answer for both.
        if (!AppIdentities.IsQuerySafe(appId) || appId.Length > 32 || await apps.AdministeredNameAsync(appId, me, cancellationToken) is null)
        {
            return Error.Forbidden(ErrorCodes.AppNotAdministered, "You administer no official account or mini-program with that app id.");
        }

        await store.BindAppAsync(new MerchantApp(merchantId, appId, clock.Now()), cancellationToken);
        return Done.Value;
    }

    public async Task<Result<Done>> UnbindAppAsync(Guid me, Guid merchantId, string appId, CancellationToken cancellationToken)
    {
        var owned = await OwnedAsync(me, merchantId, cancellationToken);
        if (!owned.IsSuccess)
        {
            return owned.Error;
        }

        return await store.UnbindAppAsync(merchantId, appId, cancellationToken)
            ? Done.Value
            : Error.NotFound(ErrorCodes.AppNotBound, "That app is not bound to the merchant.");
    }

    /// <summary>The merchant's settled money (nothing until its first settlement opens its ledger account), and what is still to settle.</summary>
    public async Task<Result<MerchantBalance>> BalanceAsync(Guid me, Guid merchantId, CancellationToken cancellationToken)
    {
        if (await VisibleAsync(me, merchantId, cancellationToken) is null)
        {
            return NotFound;
        }

        var account = await ledger.FindAccountAsync(merchantId, cancellationToken);
        return new MerchantBalance(account?.Balance ?? 0, await orders.UnsettledAsync(merchantId, cancellationToken), account?.Currency ?? Options.Currency);
    }

    /// <summary>
    /// Moves settled money to the owner's wallet, authorised by the owner's payment PIN. The ledger id is namespaced by
    /// merchant, so a transfer id is the merchant's own: a retry returns the first receipt and moves nothing again.
    /// </summary>
    public async Task<Result<MerchantPayoutReceipt>> PayOutAsync(Guid me, Guid merchantId, MerchantPayoutRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(request.TransferId) || request.TransferId.Length > 64)
        {
            errors.Add("transferId", "A transfer id is 1 to 64 characters, chosen by the client.");
        }

        if (request.Amount <= 0)
        {
            errors.Add("amount", "The amount is in fen, at least 1.");
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        var owned = await OwnedAsync(me, merchantId, cancellationToken);
        if (!owned.IsSuccess)
        {
            return owned.Error;
        }

        var pin = await wallet.CheckPinAsync(me, request.Pin, cancellationToken);
        if (!pin.IsSuccess)
        {
            return pin.Error;
        }

        var outcome = await writer.ApplyAsync(
            new TransferRequest(
                $"mch-payout:{merchantId:N}:{request.TransferId}", merchantId, me, request.Amount, TransferCode.MerchantPayout, Reference: request.TransferId),
            WalletAccounts.Merchant(merchantId, me, Options.Currency), wallet.Account(me));
        switch (outcome.Result)
        {
            case TransferResult.Created or TransferResult.Exists:
                var settled = (await ledger.FindAccountAsync(merchantId, cancellationToken))!.Balance;
                var balance = (await ledger.FindAccountAsync(me, cancellationToken))!.Balance;
                return new MerchantPayoutReceipt(request.TransferId, outcome.Transfer!.Amount, settled, balance, outcome.Transfer.CreatedAt);
            case TransferResult.ExistsWithDifferentFields:
                return WalletErrors.IdempotencyConflict;
            case TransferResult.ExceedsCredits:
                return Error.Conflict(ErrorCodes.InsufficientFunds, "The merchant has not that much settled money.");
            default:
                throw new InvalidOperationException($"The ledger refused a well-formed merchant payout: {outcome.Result}.");
        }
    }

    /// <summary>For operators: merchants in a state (pending unless told), the longest waiting first.</summary>
    public async Task<Result<MerchantList>> ListByStateAsync(Guid me, string? state, CancellationToken cancellationToken)
    {
        if (!await operators.IsOperatorAsync(me, cancellationToken))
        {
            return Operators.NotOperator;
        }

        state ??= MerchantStates.Pending;
        if (state is not (MerchantStates.Pending or MerchantStates.Approved or MerchantStates.Rejected))
        {
            return WalletErrors.Invalid("state", $"state is {MerchantStates.Pending}, {MerchantStates.Approved} or {MerchantStates.Rejected}.");
        }

        return await ListAsync(await store.ListByStateAsync(state, ReviewListed, cancellationToken), cancellationToken);
    }

    /// <summary>An operator's decision on a pending merchant; a merchant is reviewed once.</summary>
    public async Task<Result<MerchantInfo>> ReviewAsync(Guid me, Guid merchantId, bool approve, string? reason, CancellationToken cancellationToken)
    {
        if (!await operators.IsOperatorAsync(me, cancellationToken))
        {
            return Operators.NotOperator;
        }

        var note = NameText.Clean(reason);
        if (!approve && (note.Length == 0 || note.Length > MaxRejectReason || NameText.HasControlInMessage(note)))
        {
            return WalletErrors.Invalid("reason", $"Say why, for the merchant's owner: 1 to {MaxRejectReason} characters.");
        }

        var merchant = await store.FindAsync(merchantId, cancellationToken);
        if (merchant is null)
        {
            return NotFound;
        }

        var to = approve ? MerchantStates.Approved : MerchantStates.Rejected;
        var at = clock.Now();
        if (!await store.ReviewAsync(merchantId, to, approve ? null : note, at, cancellationToken))
        {
            var now = await store.FindAsync(merchantId, cancellationToken) ?? merchant;
            return Error.Conflict(ErrorCodes.MerchantNotPending, "The merchant is not waiting for review.", $"It is {now.State}.");
        }

        return await InfoAsync(merchant with { State = to, RejectReason = approve ? null : note, ReviewedAt = at }, cancellationToken);
    }

    /// <summary>For operators: a new platform payment key signs from now on; the old ones stay listed for the grace period.</summary>
    public async Task<Result<PlatformKeyRotated>> RotatePlatformKeyAsync(Guid me, CancellationToken cancellationToken)
    {
        if (!await operators.IsOperatorAsync(me, cancellationToken))
        {
            return Operators.NotOperator;
        }

        return new PlatformKeyRotated((await paymentKeys.RotateAsync(cancellationToken)).SerialNo);
    }

    /// <summary>The merchant if the caller may see it: its owner, or an operator.</summary>
    internal async Task<Merchant?> VisibleAsync(Guid me, Guid merchantId, CancellationToken cancellationToken) =>
        await store.FindAsync(merchantId, cancellationToken) is { } merchant
        && (merchant.OwnerId == me || await operators.IsOperatorAsync(me, cancellationToken))
            ? merchant
            : null;

    /// <summary>The merchant when the caller owns it; an operator is told they may not, anyone else that there is none.</summary>
    internal async Task<Result<Merchant>> OwnedAsync(Guid me, Guid merchantId, CancellationToken cancellationToken)
    {
        var merchant = await VisibleAsync(me, merchantId, cancellationToken);
        return merchant is null ? NotFound : merchant.OwnerId == me ? merchant : NotOwner;
    }

    /// <summary>The merchants with their keys and named apps: three queries however many merchants there are.</summary>
    private async Task<MerchantList> ListAsync(IReadOnlyList<Merchant> merchants, CancellationToken cancellationToken)
    {
        var ids = merchants.Select(m => m.Id).ToList();
        var keys = (await store.ListKeysAsync(ids, cancellationToken)).ToLookup(k => k.MerchantId);
        var bound = (await store.ListAppsAsync(ids, cancellationToken)).ToLookup(a => a.MerchantId);
        var names = await apps.NamesAsync([.. bound.SelectMany(b => b).Select(a => a.AppId)], cancellationToken);
        return new MerchantList([.. merchants.Select(m => Info(m, [.. keys[m.Id]],
            [.. bound[m.Id].Select(a => new MerchantAppInfo(a.AppId, names.GetValueOrDefault(a.AppId)))]))]);
    }

    private async Task<MerchantInfo> InfoAsync(Merchant merchant, CancellationToken cancellationToken) =>
        (await ListAsync([merchant], cancellationToken)).Items[0];

    private static MerchantInfo Info(Merchant merchant, IReadOnlyList<MerchantKey> keys, IReadOnlyList<MerchantAppInfo> apps) => new(
        Ids.Format(merchant.Id),
        merchant.MchId,
        merchant.Name,
        merchant.ShortName,
        merchant.Category,
        merchant.State,
        merchant.RejectReason,
        merchant.ApiV3Key is not null,
        [.. keys.Select(k => new MerchantKeyInfo(k.SerialNo, k.CreatedAt))],
        apps,
        merchant.CreatedAt);

    /// <summary>Ten digits, the first not zero, as WeChat Pay's merchant ids are.</summary>
    private static string NewMchId() =>
        RandomNumberGenerator.GetInt32(1, 10).ToString(System.Globalization.CultureInfo.InvariantCulture)
        + RandomNumberGenerator.GetInt32(0, 1_000_000_000).ToString("D9", System.Globalization.CultureInfo.InvariantCulture);

    private static string Name(FieldErrors errors, string field, string? text, int max)
    {
        var name = NameText.Clean(text);
        if (name.Length == 0 || name.Length > max || NameText.IsBlank(name) || NameText.HasControl(name))
        {
            errors.Add(field, $"{field} is 1 to {max} characters on one line.");
        }

        return name;
    }

    /// <summary>The key's serial number and SubjectPublicKeyInfo, or the field error that says what is wrong with it.</summary>
    internal static Result<(string Serial, byte[] PublicKey)> ParseKey(string? pem)
    {
        if (string.IsNullOrWhiteSpace(pem) || pem.Length > MaxPem || !PemEncoding.TryFind(pem, out var fields))
        {
            return BadKey("The key is PEM: a PUBLIC KEY, an RSA PUBLIC KEY or a CERTIFICATE.");
        }

        var label = pem[fields.Label];
        byte[] der;
        try
        {
            der = Convert.FromBase64String(pem[fields.Base64Data]);
        }
        catch (FormatException)
        {
            return BadKey("The PEM's base64 cannot be read.");
        }

        try
        {
            return label switch
            {
                "PUBLIC KEY" => FromSubjectPublicKeyInfo(der, null),
                "RSA PUBLIC KEY" => FromRsaPublicKey(der),
                "CERTIFICATE" => FromCertificate(der),
                _ => BadKey($"A {label} is not taken: give a PUBLIC KEY, an RSA PUBLIC KEY or a CERTIFICATE."),
            };
        }
        catch (CryptographicException)
        {
            return BadKey($"The {label} cannot be read.");
        }
    }

    private static Result<(string, byte[])> FromRsaPublicKey(byte[] der)
    {
        using var rsa = RSA.Create();
        rsa.ImportRSAPublicKey(der, out var read);
        return read != der.Length ? BadKey("The RSA PUBLIC KEY has bytes after it.") : FromSubjectPublicKeyInfo(rsa.ExportSubjectPublicKeyInfo(), null);
    }

    private static Result<(string, byte[])> FromCertificate(byte[] der)
    {
        using var certificate = X509CertificateLoader.LoadCertificate(der);
        return SerialNumbers.Canonical(certificate.SerialNumber) is { } serial
            ? FromSubjectPublicKeyInfo(certificate.PublicKey.ExportSubjectPublicKeyInfo(), serial)
            : BadKey("The certificate's serial number is over 32 bytes.");
    }

    /// <summary>An RSA key of an allowed size, named by <paramref name="serial"/> or else by its own hash.</summary>
    private static Result<(string, byte[])> FromSubjectPublicKeyInfo(byte[] spki, string? serial)
    {
        var key = PublicKey.CreateFromSubjectPublicKeyInfo(spki, out var read);
        if (read != spki.Length)
        {
            return BadKey("The PUBLIC KEY has bytes after it.");
        }

        using var rsa = key.GetRSAPublicKey();
        if (rsa is null)
        {
            return BadKey($"Only RSA keys are taken; this one is {key.Oid.FriendlyName ?? key.Oid.Value}.");
        }

        if (rsa.KeySize is < MinKeyBits or > MaxKeyBits)
        {
            return BadKey($"An RSA key has {MinKeyBits} to {MaxKeyBits} bits; this one has {rsa.KeySize}.");
        }

        // Exported again so the same key is kept as the same bytes however it came.
        var canonical = rsa.ExportSubjectPublicKeyInfo();
        serial ??= SerialNumbers.Canonical(Convert.ToHexString(SHA256.HashData(canonical))[..40])!;
        return (serial, canonical);
    }

    private static Error BadKey(string message) => WalletErrors.Invalid("publicKey", message);
}
