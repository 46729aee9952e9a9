using Hutong.Core;
using Hutong.Wallet.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Hutong.Storage.Wallet;

/// <summary>
/// The ledger on EF Core. A batch runs in one transaction: on PostgreSQL it first locks the accounts it touches (in id
/// order, so two batches never wait on each other in a circle), on SQLite it runs in the writers' turn (one writer at
/// a time); either way no other batch can change those accounts, or create the same transfer, between the reads and
/// the writes.
/// <para>
/// On SQLite the node is the database's one writer and this store the only writer of accounts, so it keeps the
/// accounts as its last commits left them (<see cref="KnownAccounts"/>) and reads from the file only those it has
/// not seen: a red packet's opens touch the same escrow and the same active wallets batch after batch. PostgreSQL
/// serves several nodes, each writing, so there every batch reads what it touches.
/// </para>
/// </summary>
internal sealed class LedgerStore(IDbContextFactory<HutongDbContext> contexts, WriterTurns turns) : ILedgerStore
{
    /// <summary>What a transfer changes in an account: nothing else about an account changes once it is opened.</summary>
    private static readonly string[] Balances =
    [
        nameof(LedgerAccountRow.DebitsPending), nameof(LedgerAccountRow.DebitsPosted),
        nameof(LedgerAccountRow.CreditsPending), nameof(LedgerAccountRow.CreditsPosted),
    ];

    private readonly KnownAccounts _known = new();

    public async Task<LedgerAccount?> FindAccountAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.LedgerAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken))?.ToDomain();
    }

    public async Task<Transfer?> FindTransferAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.LedgerTransfers.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken))?.ToDomain();
    }

    public async Task<IReadOnlyList<TransferOutcome>> ApplyAsync(
        IReadOnlyList<TransferRequest> requests, IReadOnlyList<LedgerAccount> opening, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // PostgreSQL keeps microseconds: a transfer read back must equal the one returned when it was created.
        now = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % 10), TimeSpan.Zero);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var accountIds = requests.SelectMany(r => new[] { r.DebitAccountId, r.CreditAccountId }).Concat(opening.Select(a => a.Id)).Distinct().Order().ToList();
        using var turn = await turns.TakeAsync(db, cancellationToken);
        var known = db.IsPostgres ? null : _known;
        try
        {
            var (outcomes, accounts) = await ApplyAsync(db, requests, opening, accountIds, known, now, cancellationToken);
            known?.Remember(accounts);
            return outcomes;
        }
        catch
        {
            // Whether the batch was committed is unknown: learn the accounts from the file again.
            known?.Forget();
            throw;
        }
    }

    private static async Task<(List<TransferOutcome> Outcomes, IReadOnlyCollection<LedgerAccount> Accounts)> ApplyAsync(
        HutongDbContext db, IReadOnlyList<TransferRequest> requests, IReadOnlyList<LedgerAccount> opening, List<Guid> accountIds,
        KnownAccounts? known, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync(
                "SELECT 1 FROM ledger_accounts WHERE id = ANY({0}) ORDER BY id FOR UPDATE", [accountIds.ToArray()], cancellationToken);
        }

        var accounts = new Dictionary<Guid, LedgerAccount>();
        var unknown = new List<Guid>();
        foreach (var id in accountIds)
        {
            if (known?.Find(id) is { } account)
            {
                accounts[id] = account;
            }
            else
            {
                unknown.Add(id);
            }
        }

        // One parameter holding the whole list (JSON on SQLite, an array on PostgreSQL): a group commit asks for
        // thousands of ids, and SQLite binds thousands of separate parameters slowly.
        if (unknown.Count > 0)
        {
            foreach (var row in await db.LedgerAccounts.AsNoTracking().Where(a => EF.Parameter(unknown).Contains(a.Id)).ToListAsync(cancellationToken))
            {
                accounts[row.Id] = row.ToDomain();
            }
        }

        var opened = opening.Where(o => !accounts.ContainsKey(o.Id)).DistinctBy(o => o.Id).ToList();
        foreach (var account in opened)
        {
            accounts[account.Id] = account;
        }

        var pendingIds = requests.Where(r => r.PendingId is not null).Select(r => r.PendingId!).Distinct().ToList();
        var transferIds = requests.Select(r => r.Id).Concat(pendingIds).Distinct().ToList();
        var existing = await db.LedgerTransfers.AsNoTracking().Where(t => EF.Parameter(transferIds).Contains(t.Id)).ToListAsync(cancellationToken);
        var resolutions = pendingIds.Count == 0
            ? []
            : await db.LedgerTransfers.AsNoTracking().Where(t => t.PendingId != null && EF.Parameter(pendingIds).Contains(t.PendingId)).ToListAsync(cancellationToken);

        var batch = new LedgerBatch(
            accounts,
            existing.ToDictionary(t => t.Id, t => t.ToDomain(), StringComparer.Ordinal),
            resolutions.ToDictionary(t => t.PendingId!, t => t.ToDomain(), StringComparer.Ordinal));
        var outcomes = requests.Select(r => batch.Apply(r, now)).ToList();
        var written = opened.ToDictionary(a => a.Id);
        foreach (var account in batch.Touched)
        {
            written[account.Id] = account;
        }

        if (written.Count > 0 || batch.Created.Count > 0)
        {
            // Raw batched statements, not the change tracker: a group commit writes thousands of rows at a time. An
            // account that exists gets its balances only, so its row's other columns (and their indexes) stay as they are.
            await BulkInsert.UpsertAsync(db, [.. written.Values.Select(a => LedgerAccountRow.From(a, now))], Balances, cancellationToken);
            await BulkInsert.InsertAsync(db, [.. batch.Created.Select(LedgerTransferRow.From)], cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        foreach (var account in written.Values)
        {
            accounts[account.Id] = account;
        }

        return (outcomes, accounts.Values);
    }

    public async Task<IReadOnlyList<Transfer>> ListAsync(Guid accountId, TimeCursor? after, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var touching = db.LedgerTransfers.AsNoTracking()
            .Where(t => (t.DebitAccountId == accountId || t.CreditAccountId == accountId) && (t.Kind == (int)TransferKind.Posted || t.Kind == (int)TransferKind.PostPending));
        if (after is { } last)
        {
            // Newest first, and a batch shares one time: what sorts after the last (time, id) pair, not merely older.
            var (at, id) = (last.At, last.Key);
            touching = touching.Where(t => t.CreatedAt < at || (t.CreatedAt == at && string.Compare(t.Id, id) < 0));
        }

        var rows = await touching.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).Take(limit).ToListAsync(cancellationToken);
        return rows.ConvertAll(t => t.ToDomain());
    }

    public async Task<LedgerTotals> TotalsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var accounts = db.LedgerAccounts.AsNoTracking();
        var mustNotGoNegative = (int)AccountLimits.DebitsMustNotExceedCredits;
        return new LedgerTotals(
            await accounts.SumAsync(a => a.DebitsPosted, cancellationToken),
            await accounts.SumAsync(a => a.CreditsPosted, cancellationToken),
            await accounts.SumAsync(a => a.DebitsPending, cancellationToken),
            await accounts.SumAsync(a => a.CreditsPending, cancellationToken),
            await accounts.CountAsync(a => (a.Limits & mustNotGoNegative) != 0 && a.DebitsPending + a.DebitsPosted > a.CreditsPosted, cancellationToken));
    }
}
