using Hutong.Contracts;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.Core.Identity;
using Hutong.OfficialAccounts.Accounts;
using Hutong.OfficialAccounts.Broadcasts;
using Hutong.OfficialAccounts.Developer;
using Hutong.OfficialAccounts.Following;
using Hutong.OfficialAccounts.Protocol;
using Hutong.OfficialAccounts.Threads;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hutong.OfficialAccounts.QrCodes;

/// <summary>
/// Parameter QR codes, as WeChat's <c>qrcode/create</c> makes them, for the studio and the app API alike, and what a
/// scan of one does. A temporary code is refused once its time is up, on every node by the same comparison with the
/// clock: nothing has to run at expiry.
/// </summary>
internal sealed class QrCodeService(
    IQrCodeStore store,
    IFollowerStore followers,
    IThreadStore threads,
    IDeveloperSettingsStore developers,
    OfficialAccountService accounts,
    WebhookDispatcher webhooks,
    IGrainFactory grains,
    IOptions<OfficialAccountsOptions> options,
    ILogger<QrCodeService> logger,
    TimeProvider clock)
{
    /// <summary>WeChat's longest lifetime of a temporary code: 30 days.</summary>
    public const int MaxLifetimeSeconds = 2_592_000;

    /// <summary>A temporary code's lifetime when none is asked for (WeChat's default).</summary>
    public const int DefaultLifetimeSeconds = 60;

    public const long MaxPermanentSceneId = 100_000;

    public const long MaxTemporarySceneId = uint.MaxValue;

    public const int MaxSceneStr = 64;

    public static readonly Error Invalid = Error.NotFound(ErrorCodes.QrCodeInvalid, "This code has expired or is not valid.");

    /// <summary>A new code of the account, or the permanent code it has for the scene already (<c>Created</c> false).</summary>
    public async Task<Result<(QrCode Code, bool Created)>> CreateAsync(OfficialAccount account, CreateQrCodeRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if ((request.SceneId is null) == (request.SceneStr is null))
        {
            errors.Add("scene", "A code has an integer scene or a string scene, one of the two.");
        }
        else if (request.SceneId is { } id && (id < 1 || id > (request.Permanent ? MaxPermanentSceneId : MaxTemporarySceneId)))
        {
            errors.Add("sceneId", $"A scene id is 1 to {(request.Permanent ? MaxPermanentSceneId : MaxTemporarySceneId)}.");
        }
        else if (request.SceneStr is { } text && text.Length is 0 or > MaxSceneStr)
        {
            errors.Add("sceneStr", $"A scene string is 1 to {MaxSceneStr} characters.");
        }

        if (!request.Permanent && request.ExpiresIn is < 1 or > MaxLifetimeSeconds)
        {
            errors.Add("expiresIn", $"A temporary code lasts 1 to {MaxLifetimeSeconds} seconds (30 days).");
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        // 24 random bytes: 32 characters of base64url, as safe in a query string as the tickets of WeChat's.
        var ticket = AppIdentities.RandomToken(24);
        var now = clock.Now();
        if (!request.Permanent)
        {
            var code = new QrCode(account.Id, ticket, request.SceneId, request.SceneStr, now, now.AddSeconds(request.ExpiresIn ?? DefaultLifetimeSeconds));
            await store.AddAsync(code, now, cancellationToken);
            return (code, true);
        }

        // The grain takes one permanent code at a time per account, so the limit holds with several nodes.
        var kept = await grains.GetGrain<IOfficialAccountGrain>(account.Id).PermanentQrCodeAsync(request.SceneId, request.SceneStr, ticket);
        if (kept is null)
        {
            var limit = options.Value.MaxPermanentQrCodes;
            return Error.Conflict(ErrorCodes.TooManyQrCodes, "The account has as many permanent codes as it may.", $"An account has at most {limit:N0}.");
        }

        return (await store.FindAsync(kept, cancellationToken) ?? throw new InvalidOperationException("A permanent code the grain kept is gone."), kept == ticket);
    }

    /// <summary>The account's live codes, newest first.</summary>
    public async Task<Result<(IReadOnlyList<QrCode> Codes, string? NextCursor)>> ListAsync(
        OfficialAccount account, string? cursor, int? limit, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var take = limit ?? Paging.DefaultLimit;
        if (take is < 1 or > Paging.MaxLimit)
        {
            errors.Add("limit", $"limit is 1 to {Paging.MaxLimit}.");
        }

        TimeCursor after = default;
        if (!string.IsNullOrEmpty(cursor) && !TimeCursor.TryParse(cursor, out after))
        {
            errors.Add("cursor", "The cursor is not one this server gave out.");
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        var page = await store.ListAsync(account.Id, clock.Now(), string.IsNullOrEmpty(cursor) ? null : (after.At, after.Key), take + 1, cancellationToken);
        var shown = page.Take(take).ToList();
        return (shown, page.Count > take ? new TimeCursor(shown[^1].CreatedAt, shown[^1].Ticket).Encode() : null);
    }

    /// <summary>A live code of the account by its ticket: what a follow through it carries.</summary>
    public async Task<Result<QrScene>> SceneAsync(Guid accountId, string? ticket, CancellationToken cancellationToken)
    {
        var code = await LiveAsync(ticket, cancellationToken);
        return code is not null && code.AccountId == accountId ? new QrScene(code.SceneId, code.SceneStr, code.Ticket) : Invalid;
    }

    /// <summary>A live code by its ticket, whichever account's (the image is anyone's who holds the ticket).</summary>
    public async Task<QrCode?> LiveAsync(string? ticket, CancellationToken cancellationToken) =>
        ticket is { Length: <= 64 } && AppIdentities.IsQuerySafe(ticket) && await store.FindAsync(ticket, cancellationToken) is { } code && code.LiveAt(clock.Now())
            ? code
            : null;

    /// <summary>
    /// A person scanned the account's code. A follower is taken to the thread: the scan opens the event window and the
    /// developer hears of it (<c>SCAN</c>), its passive reply landing in the thread. Anyone else is shown the account,
    /// to follow it through the code.
    /// </summary>
    public async Task<Result<OfficialAccountInfo>> ScanAsync(Guid me, Guid accountId, string? ticket, CancellationToken cancellationToken)
    {
        var account = await accounts.VisibleAsync(me, accountId, cancellationToken);
        if (account is null)
        {
            return OfficialAccountService.NotFound;
        }

        if (!account.IsActive)
        {
            return FollowService.NotActive;
        }

        var code = await LiveAsync(ticket, cancellationToken);
        if (code is null || code.AccountId != accountId)
        {
            return Invalid;
        }

        await store.CountAsync(code.Ticket, follow: false, cancellationToken);
        if (await followers.FindAsync(accountId, me, cancellationToken) is { Following: true } follower)
        {
            var limits = options.Value;
            await threads.OpenWindowAsync(accountId, me, WindowKinds.Event, clock.GetUtcNow() + limits.EventWindow, limits.EventWindowAllowance, cancellationToken);
            _ = TellAsync(account, follower, code);
        }

        return await accounts.GetAsync(me, accountId, cancellationToken);
    }

    private async Task TellAsync(OfficialAccount account, Follower follower, QrCode code)
    {
        // Off the scan's request: the developer's server may take seconds, and its reply reaches the thread as an event.
        await Task.Yield();
        try
        {
            if (await developers.FindAsync(account.Id, CancellationToken.None) is { } developer)
            {
                var scan = new ScanEvent(account.OriginalId, follower.OpenId, clock.GetUtcNow(), code.Scene, code.Ticket);
                await webhooks.AnswerAsync(account, developer, follower, scan, CancellationToken.None);
            }
        }
        catch (Exception e)
        {
            OfficialAccountsLog.ScanPushFailed(logger, account.Id, e);
        }
    }
}
