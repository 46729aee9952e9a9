using Hutong.OfficialAccounts.Accounts;
using Hutong.Storage.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.OfficialAccounts;

internal sealed class OfficialAccountRow
{
    public Guid Id { get; set; }

    public required string Kind { get; set; }

    public required string State { get; set; }

    public required string Name { get; set; }

    /// <summary>The name in lower case, for search that ignores case the same way on both providers.</summary>
    public required string SearchName { get; set; }

    public required string Description { get; set; }

    public Guid? AvatarId { get; set; }

    public required string OriginalId { get; set; }

    public required string AppId { get; set; }

    public required string SecretHash { get; set; }

    public Guid OwnerId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string? ReviewNote { get; set; }

    public static OfficialAccountRow From(OfficialAccount a) => new()
    {
        Id = a.Id,
        Kind = a.Kind,
        State = a.State,
        Name = a.Name,
        SearchName = a.Name.ToLowerInvariant(),
        Description = a.Description,
        AvatarId = a.AvatarId,
        OriginalId = a.OriginalId,
        AppId = a.AppId,
        SecretHash = a.SecretHash,
        OwnerId = a.OwnerId,
        CreatedAt = a.CreatedAt,
        ReviewNote = a.ReviewNote,
    };

    public OfficialAccount ToDomain() =>
        new(Id, Kind, State, Name, Description, AvatarId, OriginalId, AppId, SecretHash, OwnerId, CreatedAt, ReviewNote);

    internal sealed class Configuration : IEntityTypeConfiguration<OfficialAccountRow>
    {
        public void Configure(EntityTypeBuilder<OfficialAccountRow> row)
        {
            row.ToTable("official_accounts");
            row.HasKey(a => a.Id);
            row.HasIndex(a => a.OriginalId).IsUnique();
            row.HasIndex(a => a.AppId).IsUnique();
            row.HasIndex(a => a.OwnerId);
            row.HasIndex(a => a.AvatarId);
            row.HasIndex(a => new { a.State, a.CreatedAt });
            row.Property(a => a.Kind).HasMaxLength(16);
            row.Property(a => a.State).HasMaxLength(16);
            row.Property(a => a.Name).HasMaxLength(200);
            row.Property(a => a.SearchName).HasMaxLength(200);
            row.Property(a => a.OriginalId).HasMaxLength(32);
            row.Property(a => a.AppId).HasMaxLength(32);
            row.Property(a => a.SecretHash).HasMaxLength(64);
            row.HasOne<AccountRow>().WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Restrict);
        }
    }
}
