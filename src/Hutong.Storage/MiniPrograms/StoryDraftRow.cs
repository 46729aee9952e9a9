using System.Text.Json;
using Hutong.MiniPrograms.Stories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.MiniPrograms;

/// <summary>A story draft of the studio (<see cref="StoryDraft"/>).</summary>
internal sealed class StoryDraftRow
{
    public Guid Id { get; set; }

    public Guid OwnerId { get; set; }

    public required string Title { get; set; }

    public required string Description { get; set; }

    public required string Language { get; set; }

    public required string Source { get; set; }

    public Guid? CoverId { get; set; }

    /// <summary>JSON object: image name to media id.</summary>
    public required string Images { get; set; }

    public long Revision { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid? AppKey { get; set; }

    public static StoryDraftRow From(StoryDraft d) => new()
    {
        Id = d.Id,
        OwnerId = d.OwnerId,
        Title = d.Title,
        Description = d.Description,
        Language = d.Language,
        Source = d.Source,
        CoverId = d.CoverId,
        Images = ImagesJson(d.Images),
        Revision = d.Revision,
        CreatedAt = d.CreatedAt,
        UpdatedAt = d.UpdatedAt,
        AppKey = d.AppKey,
    };

    public static string ImagesJson(IReadOnlyDictionary<string, Guid> images) =>
        JsonSerializer.Serialize(images.ToDictionary(i => i.Key, i => i.Value, StringComparer.Ordinal), MiniProgramRowJson.Default.DictionaryStringGuid);

    public StoryDraft ToDomain() => new(
        Id, OwnerId, Title, Description, Language, Source, CoverId,
        JsonSerializer.Deserialize(Images, MiniProgramRowJson.Default.DictionaryStringGuid) ?? [],
        Revision, CreatedAt, UpdatedAt, AppKey);

    internal sealed class Configuration : IEntityTypeConfiguration<StoryDraftRow>
    {
        public void Configure(EntityTypeBuilder<StoryDraftRow> row)
        {
            row.ToTable("story_drafts");
            row.HasKey(d => d.Id);
            row.HasIndex(d => new { d.OwnerId, d.UpdatedAt });
            row.Property(d => d.Title).HasMaxLength(200);
            row.Property(d => d.Description).HasMaxLength(1000);
            row.Property(d => d.Language).HasMaxLength(64);

            // A published story's mini-game outlives its draft; the draft goes with its mini-game.
            row.HasOne<MiniProgramRow>().WithMany().HasForeignKey(d => d.AppKey).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
