using System.Text.Json;
using Hutong.Contracts;
using Hutong.OfficialAccounts.Menus;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.OfficialAccounts;

/// <summary>An account's custom menu: the tree of at most 3 buttons of 5 items is small and always read whole, so JSON.</summary>
internal sealed class MenuRow
{
    public Guid AccountId { get; set; }

    public required string Buttons { get; set; }

    public long MenuId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    internal sealed class Configuration : IEntityTypeConfiguration<MenuRow>
    {
        public void Configure(EntityTypeBuilder<MenuRow> row)
        {
            row.ToTable("oa_menus");
            row.HasKey(m => m.AccountId);
            row.HasOne<OfficialAccountRow>().WithMany().HasForeignKey(m => m.AccountId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}

internal sealed class MenuStore(IDbContextFactory<HutongDbContext> contexts) : IMenuStore
{
    public async Task<SavedMenu?> FindAsync(Guid accountId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Menus.AsNoTracking().FirstOrDefaultAsync(m => m.AccountId == accountId, cancellationToken);
        return row is null
            ? null
            : new SavedMenu(row.AccountId, JsonSerializer.Deserialize(row.Buttons, HutongJsonContext.Default.IReadOnlyListMenuButton) ?? [], row.MenuId, row.UpdatedAt);
    }

    public async Task SaveAsync(SavedMenu menu, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await BulkInsert.UpsertAsync(
            db,
            [new MenuRow { AccountId = menu.AccountId, Buttons = JsonSerializer.Serialize(menu.Buttons, HutongJsonContext.Default.IReadOnlyListMenuButton), MenuId = menu.MenuId, UpdatedAt = menu.UpdatedAt }],
            [nameof(MenuRow.Buttons), nameof(MenuRow.MenuId), nameof(MenuRow.UpdatedAt)],
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> RemoveAsync(Guid accountId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Menus.Where(m => m.AccountId == accountId).ExecuteDeleteAsync(cancellationToken) == 1;
    }
}
