using Hutong.OfficialAccounts.QrCodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.OfficialAccounts;

/// <summary>A parameter QR code of an account; <see cref="ExpiresAt"/> null for a permanent one.</summary>
internal sealed class QrCodeRow
{
    public required string Ticket { get; set; }

    public Guid AccountId { get; set; }

    public long? SceneId { get; set; }

    public string? SceneStr { get; set; }

    /// <summary>
    /// "i:{id}" or "s:{str}" for a permanent code, null for a temporary one: unique per account, so one scene has one
    /// permanent code (NULLs never collide, in SQLite and PostgreSQL alike, without a partial index).
    /// </summary>
    public string? PermanentScene { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public int Scans { get; set; }

    public int Follows { get; set; }

    public static string PermanentKey(long? sceneId, string? sceneStr) =>
        sceneStr is null ? "i:" + sceneId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "s:" + sceneStr;

    public QrCode ToDomain() => new(AccountId, Ticket, SceneId, SceneStr, CreatedAt, ExpiresAt, Scans, Follows);

    internal sealed class Configuration : IEntityTypeConfiguration<QrCodeRow>
    {
        public void Configure(EntityTypeBuilder<QrCodeRow> row)
        {
            row.ToTable("oa_qr_codes");
            row.HasKey(q => q.Ticket);
            row.Property(q => q.Ticket).HasMaxLength(64);
            row.Property(q => q.SceneStr).HasMaxLength(64);
            row.Property(q => q.PermanentScene).HasMaxLength(66);
            row.HasIndex(q => new { q.AccountId, q.PermanentScene }).IsUnique();
            row.HasIndex(q => new { q.AccountId, q.CreatedAt });
            row.HasOne<OfficialAccountRow>().WithMany().HasForeignKey(q => q.AccountId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}

internal sealed class QrCodeStore(IDbContextFactory<HutongDbContext> contexts) : IQrCodeStore
{
    public async Task<QrCode?> FindAsync(string ticket, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.QrCodes.AsNoTracking().FirstOrDefaultAsync(q => q.Ticket == ticket, cancellationToken))?.ToDomain();
    }

    public async Task<QrCode?> FindPermanentAsync(Guid accountId, long? sceneId, string? sceneStr, CancellationToken cancellationToken)
    {
        var key = QrCodeRow.PermanentKey(sceneId, sceneStr);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.QrCodes.AsNoTracking().FirstOrDefaultAsync(q => q.AccountId == accountId && q.PermanentScene == key, cancellationToken))?.ToDomain();
    }

    public async Task<int> CountPermanentAsync(Guid accountId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.QrCodes.CountAsync(q => q.AccountId == accountId && q.PermanentScene != null, cancellationToken);
    }

    public async Task AddAsync(QrCode code, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Expired codes are refused on read; clearing the account's here keeps the table to its live codes and a few,
        // with no timer. Two nodes doing it at once delete the same rows, which is harmless.
        await db.QrCodes.Where(q => q.AccountId == code.AccountId && q.ExpiresAt != null && q.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        await BulkInsert.InsertMissingAsync(
            db,
            [new QrCodeRow
            {
                Ticket = code.Ticket, AccountId = code.AccountId, SceneId = code.SceneId, SceneStr = code.SceneStr,
                PermanentScene = code.Permanent ? QrCodeRow.PermanentKey(code.SceneId, code.SceneStr) : null,
                CreatedAt = code.CreatedAt, ExpiresAt = code.ExpiresAt,
            }],
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<QrCode>> ListAsync(
        Guid accountId, DateTimeOffset now, (DateTimeOffset At, string Ticket)? after, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var codes = db.QrCodes.AsNoTracking().Where(q => q.AccountId == accountId && (q.ExpiresAt == null || q.ExpiresAt > now));
        if (after is var (at, ticket))
        {
            codes = codes.Where(q => q.CreatedAt < at || (q.CreatedAt == at && string.Compare(q.Ticket, ticket) < 0));
        }

        var rows = await codes.OrderByDescending(q => q.CreatedAt).ThenByDescending(q => q.Ticket).Take(take).ToListAsync(cancellationToken);
        return rows.ConvertAll(r => r.ToDomain());
    }

    public async Task CountAsync(string ticket, bool follow, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (scans, follows) = follow ? (0, 1) : (1, 0);
        await db.QrCodes.Where(q => q.Ticket == ticket)
            .ExecuteUpdateAsync(set => set.SetProperty(q => q.Scans, q => q.Scans + scans).SetProperty(q => q.Follows, q => q.Follows + follows), cancellationToken);
    }
}
