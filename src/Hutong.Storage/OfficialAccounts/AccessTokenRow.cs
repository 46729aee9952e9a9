using Hutong.OfficialAccounts.AppApi;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.OfficialAccounts;

/// <summary>An access token of the app API, by its SHA-256: a leaked table opens nothing.</summary>
internal sealed class AccessTokenRow
{
    public required string TokenHash { get; set; }

    public Guid AccountId { get; set; }

    public DateTimeOffset IssuedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<AccessTokenRow>
    {
        public void Configure(EntityTypeBuilder<AccessTokenRow> row)
        {
            row.ToTable("oa_access_tokens");
            row.HasKey(t => t.TokenHash);
            row.Property(t => t.TokenHash).HasMaxLength(64);
            row.HasIndex(t => new { t.AccountId, t.IssuedAt });
            row.HasIndex(t => t.ExpiresAt);
            row.HasOne<OfficialAccountRow>().WithMany().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}

internal sealed class AccessTokenStore(IDbContextFactory<HutongDbContext> contexts) : IAccessTokenStore
{
    public async Task AddAsync(Guid accountId, string tokenHash, DateTimeOffset issuedAt, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await BulkInsert.InsertMissingAsync(db, [new AccessTokenRow { TokenHash = tokenHash, AccountId = accountId, IssuedAt = issuedAt, ExpiresAt = expiresAt }], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<Guid?> AccountOfAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AccessTokens.AsNoTracking().Where(t => t.TokenHash == tokenHash && t.ExpiresAt > now).Select(t => (Guid?)t.AccountId).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<int> IssuedAsync(Guid accountId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AccessTokens.CountAsync(t => t.AccountId == accountId && t.IssuedAt >= from && t.IssuedAt < to, cancellationToken);
    }
}
