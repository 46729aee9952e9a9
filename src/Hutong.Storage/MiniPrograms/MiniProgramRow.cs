using System.Text.Json;
using Hutong.Contracts.MiniPrograms;
using Hutong.MiniPrograms.Apps;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.MiniPrograms;

internal sealed class MiniProgramRow
{
    public Guid Id { get; set; }

    public required string AppId { get; set; }

    public Guid DeveloperId { get; set; }

    public required string Name { get; set; }

    /// <summary>The name in lower case, for search that ignores case the same way on both providers.</summary>
    public required string SearchName { get; set; }

    public required string Description { get; set; }

    public required string Category { get; set; }

    public Guid? IconId { get; set; }

    /// <summary>JSON list of origins.</summary>
    public required string RequestDomains { get; set; }

    public required string SecretHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Guid? ReleasedVersionId { get; set; }

    public string? ReleasedVersion { get; set; }

    /// <summary>miniProgram, game or story.</summary>
    public required string Kind { get; set; }

    public static MiniProgramRow From(MiniProgram a) => new()
    {
        Id = a.Id,
        AppId = a.AppId,
        DeveloperId = a.DeveloperId,
        Name = a.Name,
        SearchName = a.Name.ToLowerInvariant(),
        Description = a.Description,
        Category = a.Category,
        IconId = a.IconId,
        RequestDomains = JsonSerializer.Serialize([.. a.RequestDomains], MiniProgramRowJson.Default.ListString),
        SecretHash = a.SecretHash,
        CreatedAt = a.CreatedAt,
        ReleasedVersionId = a.ReleasedVersionId,
        ReleasedVersion = a.ReleasedVersion,
        Kind = a.Kind,
    };

    public MiniProgram ToDomain() => new(
        Id, AppId, DeveloperId, Name, Description, Category, IconId,
        JsonSerializer.Deserialize(RequestDomains, MiniProgramRowJson.Default.ListString) ?? [],
        SecretHash, CreatedAt, ReleasedVersionId, ReleasedVersion, Kind);

    internal sealed class Configuration : IEntityTypeConfiguration<MiniProgramRow>
    {
        public void Configure(EntityTypeBuilder<MiniProgramRow> row)
        {
            row.ToTable("mini_programs");
            row.HasKey(a => a.Id);
            row.HasIndex(a => a.AppId).IsUnique();
            row.HasIndex(a => a.DeveloperId);
            row.HasIndex(a => a.IconId);
            row.Property(a => a.AppId).HasMaxLength(32);
            row.Property(a => a.Name).HasMaxLength(200);
            row.Property(a => a.SearchName).HasMaxLength(200);
            row.Property(a => a.Category).HasMaxLength(200);
            row.Property(a => a.SecretHash).HasMaxLength(64);
            row.Property(a => a.ReleasedVersion).HasMaxLength(32);
            row.Property(a => a.Kind).HasMaxLength(16).HasDefaultValue(MiniProgramKinds.MiniProgram);
            row.HasOne<DeveloperRow>().WithMany().HasForeignKey(a => a.DeveloperId).OnDelete(DeleteBehavior.Restrict);
        }
    }
}
