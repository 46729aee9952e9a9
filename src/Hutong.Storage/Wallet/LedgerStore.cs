using Hutong.Wallet.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Hutong.Storage.Wallet;

/// <summary>
/// The ledger on EF Core. A batch runs in one transaction: on PostgreSQL it first locks the accounts it touches (in id
/// order, so two batches never wait on each other in a circle), on SQLite the transaction takes the write lock at its
/// start; either way no other batch can change those accounts, or create the same transfer, between the reads and
/// the writes.
/// </summary>
internal sealed class LedgerStore(IDbContextFactory<HutongDbContext> contexts) : ILedgerStore
{
    public async Task<LedgerAccount?> FindAccountAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.LedgerAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken))?.ToDomain();
    }

    public async Task<IReadOnlyList<TransferOutcome>> ApplyAsync(
        IReadOnlyList<TransferRequest> requests, IReadOnlyList<LedgerAccount> opening, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // PostgreSQL keeps microseconds: a transfer read back must equal the one returned when it was created.
        now = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % 10), TimeSpan.Zero);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var accountIds = requests.SelectMany(r => new[] { r.DebitAccountId, r.CreditAccountId }).Concat(opening.Select(a => a.Id)).Distinct().Order().ToList();
        if (db.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync(
                "SELECT 1 FROM ledger_accounts WHERE id = ANY({0}) ORDER BY id FOR UPDATE", [accountIds.ToArray()], cancellationToken);
        }

        // One parameter holding the whole list (JSON on SQLite, an array on PostgreSQL): a group commit asks for
        // thousands of ids, and SQLite binds thousands of separate parameters slowly.
        var accounts = await db.LedgerAccounts.AsNoTracking().Where(a => EF.Parameter(accountIds).Contains(a.Id)).ToListAsync(cancellationToken);
        var found = accounts.Select(a => a.Id).ToHashSet();
        var opened = opening.Where(o => !found.Contains(o.Id)).DistinctBy(o => o.Id).Select(o => LedgerAccountRow.From(o, now)).ToList();
        accounts.AddRange(opened);
        var pendingIds = requests.Where(r => r.PendingId is not null).Select(r => r.PendingId!).Distinct().ToList();
        var transferIds = requests.Select(r => r.Id).Concat(pendingIds).Distinct().ToList();
        var existing = await db.LedgerTransfers.AsNoTracking().Where(t => EF.Parameter(transferIds).Contains(t.Id)).ToListAsync(cancellationToken);
        var resolutions = await db.LedgerTransfers.AsNoTracking().Where(t => t.PendingId != null && EF.Parameter(pendingIds).Contains(t.PendingId)).ToListAsync(cancellationToken);

        var batch = new LedgerBatch(
            accounts.ToDictionary(a => a.Id, a => a.ToDomain()),
            existing.ToDictionary(t => t.Id, t => t.ToDomain(), StringComparer.Ordinal),
            resolutions.ToDictionary(t => t.PendingId!, t => t.ToDomain(), StringComparer.Ordinal));
        var outcomes = requests.Select(r => batch.Apply(r, now)).ToList();
        if (batch.Created.Count > 0 || opened.Count > 0)
        {
            // Raw batched statements, not the change tracker: a group commit writes thousands of rows at a time.
            var rows = accounts.ToDictionary(a => a.Id);
            var written = new Dictionary<Guid, LedgerAccountRow>();
            foreach (var row in opened)
            {
                written[row.Id] = row;
            }

            foreach (var account in batch.Touched)
            {
                var row = rows[account.Id];
                row.DebitsPending = account.DebitsPending;
                row.DebitsPosted = account.DebitsPosted;
                row.CreditsPending = account.CreditsPending;
                row.CreditsPosted = account.CreditsPosted;
                written[row.Id] = row;
            }

            await BulkInsert.UpsertAsync(db, [.. written.Values], cancellationToken);
            await BulkInsert.InsertAsync(db, [.. batch.Created.Select(LedgerTransferRow.From)], cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return outcomes;
    }

    public async Task<IReadOnlyList<Transfer>> ListAsync(Guid accountId, DateTimeOffset? before, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var touching = db.LedgerTransfers.AsNoTracking()
            .Where(t => (t.DebitAccountId == accountId || t.CreditAccountId == accountId) && (t.Kind == (int)TransferKind.Posted || t.Kind == (int)TransferKind.PostPending));
        if (before is { } until)
        {
            touching = touching.Where(t => t.CreatedAt < until);
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
