using Hutong.Accounts.Identity;
using Hutong.Chat.Media;
using Hutong.Contracts;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.Core.Identity;
using Hutong.Core.Text;
using Hutong.OfficialAccounts.Following;
using Microsoft.Extensions.Options;

namespace Hutong.OfficialAccounts.Accounts;

/// <summary>
/// Official accounts: made by anyone (a service account waits for an operator), managed by their admins, found by name.
/// A service account under review or rejected is seen only by its admins and the operators.
/// </summary>
public sealed class OfficialAccountService(
    IOfficialAccountStore store,
    IFollowerStore followers,
    IMediaStore media,
    Operators operators,
    IOptions<OfficialAccountsOptions> options,
    TimeProvider clock)
{
    public static readonly Error NotFound = Error.NotFound(ErrorCodes.AccountNotFound, "No such official account.");
    public static readonly Error NotAdmin = Error.Forbidden(ErrorCodes.NotAccountAdmin, "Only the account's admins may do that.");

    /// <summary>App secrets are 32 hex digits, as WeChat's are.</summary>
    private const int SecretDigits = 32;

    /// <summary>The operators' list of reported accounts: this many accounts, with this many of each one's reports.</summary>
    private const int ReportedAccountsShown = 100;
    private const int ReportsShown = 5;

    private OfficialAccountsOptions Limits => options.Value;

    public async Task<Result<CreatedOfficialAccount>> CreateAsync(Guid me, CreateOfficialAccountRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var name = Name(errors, request.Name);
        var description = Description(errors, request.Description);
        if (request.Kind is not (OfficialAccountKinds.Subscription or OfficialAccountKinds.Service))
        {
            errors.Add("kind", $"kind is {OfficialAccountKinds.Subscription} or {OfficialAccountKinds.Service}.");
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        if ((await store.OwnedByAsync(me, cancellationToken)).Count >= Limits.MaxAccountsPerPerson)
        {
            return Error.Conflict(ErrorCodes.TooManyAccounts, "You have as many official accounts as one person may.", $"One person may own {Limits.MaxAccountsPerPerson}.");
        }

        var secret = AppIdentities.RandomHex(SecretDigits);
        var state = request.Kind == OfficialAccountKinds.Service ? OfficialAccountStates.Pending : OfficialAccountStates.Active;
        while (true)
        {
            // A clash of 48 or 64 random bits is not expected; drawing again keeps it impossible to matter.
            var account = new OfficialAccount(
                Ids.New(clock), request.Kind, state, name, description, null,
                "gh_" + AppIdentities.RandomHex(12), "wx" + AppIdentities.RandomHex(16), AppIdentities.HashSecret(secret), me, clock.Now());
            if (await store.TryAddAsync(account, cancellationToken))
            {
                return new CreatedOfficialAccount(Info(account, me, 0, null), secret);
            }
        }
    }

    /// <summary>An account as the caller may see it.</summary>
    public async Task<Result<OfficialAccountInfo>> GetAsync(Guid me, Guid accountId, CancellationToken cancellationToken)
    {
        var account = await VisibleAsync(me, accountId, cancellationToken);
        if (account is null)
        {
            return NotFound;
        }

        var standing = await followers.FindAsync(accountId, me, cancellationToken);
        return Info(account, me, await followers.CountAsync(accountId, cancellationToken), standing);
    }

    public async Task<OfficialAccountList> SearchAsync(Guid me, string? text, CancellationToken cancellationToken)
    {
        var query = NameText.Clean(text);
        return query.Length == 0 ? new OfficialAccountList([]) : await ListAsync(me, await store.SearchAsync(query, 20, cancellationToken), cancellationToken);
    }

    public async Task<OfficialAccountList> OwnedAsync(Guid me, CancellationToken cancellationToken) =>
        await ListAsync(me, await store.OwnedByAsync(me, cancellationToken), cancellationToken);

    public async Task<Result<OfficialAccountInfo>> UpdateAsync(Guid me, Guid accountId, UpdateOfficialAccountRequest request, CancellationToken cancellationToken)
    {
        var managed = await ManagedAsync(me, accountId, cancellationToken);
        if (!managed.IsSuccess)
        {
            return managed.Error;
        }

        var account = managed.Value;
        var errors = new FieldErrors();
        var name = request.Name is null ? account.Name : Name(errors, request.Name);
        var description = request.Description is null ? account.Description : Description(errors, request.Description);
        var avatar = account.AvatarId;
        if (request.AvatarId is not null)
        {
            avatar = Ids.TryParse(request.AvatarId, out var id)
                && await media.FindAsync(id, cancellationToken) is { } found && found.UploaderId == me && found.ContentType.StartsWith("image/", StringComparison.Ordinal)
                ? id
                : null;
            if (avatar is null)
            {
                errors.Add("avatarId", "The avatar is an image you uploaded.");
            }
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        var updated = account with { Name = name, Description = description, AvatarId = avatar };
        await store.UpdateAsync(updated, cancellationToken);
        return Info(updated, me, await followers.CountAsync(accountId, cancellationToken), await followers.FindAsync(accountId, me, cancellationToken));
    }

    /// <summary>A new app secret, shown this once; the old one stops working at once.</summary>
    public async Task<Result<AppSecretResponse>> ResetSecretAsync(Guid me, Guid accountId, CancellationToken cancellationToken)
    {
        var managed = await ManagedAsync(me, accountId, cancellationToken);
        if (!managed.IsSuccess)
        {
            return managed.Error;
        }

        var secret = AppIdentities.RandomHex(SecretDigits);
        await store.UpdateAsync(managed.Value with { SecretHash = AppIdentities.HashSecret(secret) }, cancellationToken);
        return new AppSecretResponse(secret);
    }

    /// <summary>The account, when the caller is one of its admins.</summary>
    public async Task<Result<OfficialAccount>> ManagedAsync(Guid me, Guid accountId, CancellationToken cancellationToken)
    {
        var account = await store.FindAsync(accountId, cancellationToken);
        if (account is null)
        {
            return NotFound;
        }

        return account.IsAdmin(me) ? account : await CanSeeAsync(me, account, cancellationToken) ? NotAdmin : NotFound;
    }

    public async Task<Result<OfficialAccountList>> ReviewQueueAsync(Guid me, CancellationToken cancellationToken) =>
        await operators.IsOperatorAsync(me, cancellationToken)
            ? await ListAsync(me, await store.InStateAsync(OfficialAccountStates.Pending, 200, cancellationToken), cancellationToken)
            : Operators.NotOperator;

    /// <summary>An operator's decision on a service account under review; deciding again the same way changes nothing.</summary>
    public async Task<Result<OfficialAccountInfo>> ReviewAsync(Guid me, Guid accountId, bool approve, string? reason, CancellationToken cancellationToken)
    {
        if (!await operators.IsOperatorAsync(me, cancellationToken))
        {
            return Operators.NotOperator;
        }

        var note = NameText.Clean(reason);
        if (!approve && note.Length == 0)
        {
            var errors = new FieldErrors();
            errors.Add("reason", "Say why, for the account's owner.");
            return errors.ToError();
        }

        var to = approve ? OfficialAccountStates.Active : OfficialAccountStates.Rejected;
        var account = await store.FindAsync(accountId, cancellationToken);
        if (account is null)
        {
            return NotFound;
        }

        if (account.State != to)
        {
            if (account.State != OfficialAccountStates.Pending || !await store.ReviewAsync(accountId, OfficialAccountStates.Pending, to, approve ? null : note, cancellationToken))
            {
                return Error.Conflict(ErrorCodes.Conflict, "The account is not waiting for review.", $"It is {account.State}.");
            }

            account = account with { State = to, ReviewNote = approve ? null : note };
        }

        return Info(account, me, await followers.CountAsync(accountId, cancellationToken), null);
    }

    public async Task<Result<Done>> ReportAsync(Guid me, Guid accountId, ReportOfficialAccountRequest request, CancellationToken cancellationToken)
    {
        var account = await VisibleAsync(me, accountId, cancellationToken);
        if (account is null)
        {
            return NotFound;
        }

        var reason = NameText.Clean(request.Reason);
        if (reason.Length == 0 || reason.Length > Limits.MaxReportReason)
        {
            var errors = new FieldErrors();
            errors.Add("reason", $"A reason is 1 to {Limits.MaxReportReason} characters.");
            return errors.ToError();
        }

        await store.AddReportAsync(accountId, me, reason, clock.Now(), cancellationToken);
        return Done.Value;
    }

    /// <summary>Whether the caller is an operator, and what waits for one; false and zeros for anyone else.</summary>
    public async Task<ReviewSummary> ReviewSummaryAsync(Guid me, CancellationToken cancellationToken)
    {
        if (!await operators.IsOperatorAsync(me, cancellationToken))
        {
            return new ReviewSummary(false, 0, 0);
        }

        var waiting = await store.InStateAsync(OfficialAccountStates.Pending, 200, cancellationToken);
        var reported = await store.OpenReportsAsync(ReportedAccountsShown, 0, cancellationToken);
        return new ReviewSummary(true, waiting.Count, reported.Count);
    }

    /// <summary>
    /// For operators: the accounts with reports nobody has dismissed, the most recently reported first. The reporters are
    /// counted, never named.
    /// </summary>
    public async Task<Result<ReportedAccountList>> ReportedAsync(Guid me, CancellationToken cancellationToken)
    {
        if (!await operators.IsOperatorAsync(me, cancellationToken))
        {
            return Operators.NotOperator;
        }

        var open = await store.OpenReportsAsync(ReportedAccountsShown, ReportsShown, cancellationToken);
        var accounts = (await ListAsync(me, [.. open.Select(o => o.Account)], cancellationToken)).Accounts;
        return new ReportedAccountList([.. open.Zip(accounts, (o, account) => new ReportedAccount(account, o.Reporters, o.LastAt, o.Newest))]);
    }

    /// <summary>
    /// An operator has read the account's open reports and dismisses them; they are kept, no longer open. A report made
    /// afterwards is open again. Dismissing again changes nothing.
    /// </summary>
    public async Task<Result<Done>> DismissReportsAsync(Guid me, Guid accountId, CancellationToken cancellationToken)
    {
        if (!await operators.IsOperatorAsync(me, cancellationToken))
        {
            return Operators.NotOperator;
        }

        if (await store.FindAsync(accountId, cancellationToken) is null)
        {
            return NotFound;
        }

        await store.DismissReportsAsync(accountId, clock.Now(), cancellationToken);
        return Done.Value;
    }

    /// <summary>The account if the caller may see it: any active account, or one the caller administers or reviews.</summary>
    public async Task<OfficialAccount?> VisibleAsync(Guid me, Guid accountId, CancellationToken cancellationToken) =>
        await store.FindAsync(accountId, cancellationToken) is { } account && await CanSeeAsync(me, account, cancellationToken) ? account : null;

    /// <summary>Whether the secret is the account's: compared as hashes, in constant time.</summary>
    public static bool SecretMatches(OfficialAccount account, string? secret) =>
        AppIdentities.SecretMatches(account.SecretHash, secret);

    internal static OfficialAccountInfo Info(OfficialAccount account, Guid viewer, int followerCount, Follower? standing) => new(
        Ids.Format(account.Id),
        account.Kind,
        account.Name,
        account.Description,
        account.AvatarId is { } avatar ? Avatars.Path(avatar) : null,
        account.OriginalId,
        followerCount,
        standing is { Following: true },
        standing is { Following: true, Muted: true },
        account.IsAdmin(viewer) ? new OfficialAccountAdminInfo(account.State, account.AppId, account.CreatedAt, account.ReviewNote) : null);

    private async Task<bool> CanSeeAsync(Guid me, OfficialAccount account, CancellationToken cancellationToken) =>
        account.IsActive || account.IsAdmin(me) || await operators.IsOperatorAsync(me, cancellationToken);

    private async Task<OfficialAccountList> ListAsync(Guid me, IReadOnlyList<OfficialAccount> accounts, CancellationToken cancellationToken)
    {
        var ids = accounts.Select(a => a.Id).ToList();
        var counts = await followers.CountsAsync(ids, cancellationToken);
        var standing = await followers.StandingAsync(me, ids, cancellationToken);
        return new OfficialAccountList(accounts.Select(a => Info(a, me, counts.GetValueOrDefault(a.Id), standing.GetValueOrDefault(a.Id))).ToList());
    }

    private string Name(FieldErrors errors, string? text)
    {
        var name = NameText.Clean(text);
        if (name.Length < 2 || name.Length > Limits.MaxName || NameText.IsBlank(name) || NameText.HasControl(name))
        {
            errors.Add("name", $"A name is 2 to {Limits.MaxName} characters on one line.");
        }

        return name;
    }

    private string Description(FieldErrors errors, string? text)
    {
        var description = (text ?? string.Empty).Trim();
        if (description.Length > Limits.MaxDescription || NameText.HasControlInMessage(description))
        {
            errors.Add("description", $"A description is at most {Limits.MaxDescription} characters.");
        }

        return description;
    }

}
