using Hutong.OfficialAccounts.Developer;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.OfficialAccounts;

/// <summary>An account's developer server settings; a row means developer mode is on.</summary>
internal sealed class DeveloperSettingsRow
{
    public Guid AccountId { get; set; }

    public required string Url { get; set; }

    public required string Token { get; set; }

    public string? EncodingAesKey { get; set; }

    public required string Mode { get; set; }

    public DateTimeOffset VerifiedAt { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<DeveloperSettingsRow>
    {
        public void Configure(EntityTypeBuilder<DeveloperSettingsRow> row)
        {
            row.ToTable("oa_developer_settings");
            row.HasKey(d => d.AccountId);
            row.Property(d => d.Url).HasMaxLength(1024);
            row.Property(d => d.Token).HasMaxLength(32);
            row.Property(d => d.EncodingAesKey).HasMaxLength(43);
            row.Property(d => d.Mode).HasMaxLength(16);
            row.HasOne<OfficialAccountRow>().WithMany().HasForeignKey(d => d.AccountId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}

internal sealed class DeveloperSettingsStore(IDbContextFactory<HutongDbContext> contexts) : IDeveloperSettingsStore
{
    public async Task<DeveloperSettings?> FindAsync(Guid accountId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.DeveloperSettings.AsNoTracking().FirstOrDefaultAsync(d => d.AccountId == accountId, cancellationToken);
        return row is null ? null : new DeveloperSettings(row.AccountId, row.Url, row.Token, row.EncodingAesKey, row.Mode, row.VerifiedAt);
    }

    public async Task SaveAsync(DeveloperSettings settings, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await BulkInsert.UpsertAsync(
            db,
            [new DeveloperSettingsRow { AccountId = settings.AccountId, Url = settings.Url, Token = settings.Token, EncodingAesKey = settings.EncodingAesKey, Mode = settings.Mode, VerifiedAt = settings.VerifiedAt }],
            [nameof(DeveloperSettingsRow.Url), nameof(DeveloperSettingsRow.Token), nameof(DeveloperSettingsRow.EncodingAesKey), nameof(DeveloperSettingsRow.Mode), nameof(DeveloperSettingsRow.VerifiedAt)],
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> RemoveAsync(Guid accountId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.DeveloperSettings.Where(d => d.AccountId == accountId).ExecuteDeleteAsync(cancellationToken) == 1;
    }
}
