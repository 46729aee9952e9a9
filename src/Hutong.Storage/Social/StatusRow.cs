using System.Text.Json;
using Hutong.Contracts;
using Hutong.Contracts.Social;
using Hutong.Social.Status;
using Hutong.Storage.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.Social;

internal sealed class StatusRow
{
    public Guid Id { get; set; }

    public Guid AuthorId { get; set; }

    public required string ClientId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public string? Text { get; set; }

    public Guid? MediaId { get; set; }

    public string? MediaKind { get; set; }

    public Guid? PosterId { get; set; }

    public string? Mood { get; set; }

    public string? Location { get; set; }

    public static StatusRow From(Status s) => new()
    {
        Id = s.Id,
        AuthorId = s.AuthorId,
        ClientId = s.ClientId,
        CreatedAt = s.CreatedAt,
        ExpiresAt = s.ExpiresAt,
        Text = s.Text,
        MediaId = s.Media is { } m ? Guid.Parse(m.MediaId) : null,
        MediaKind = s.Media?.Kind,
        PosterId = s.Media?.PosterId is { } p ? Guid.Parse(p) : null,
        Mood = s.Mood,
        Location = s.Location is null ? null : JsonSerializer.Serialize(s.Location, HutongJsonContext.Default.PlaceInfo),
    };

    public Status ToDomain() => new(
        Id,
        AuthorId,
        ClientId,
        CreatedAt,
        ExpiresAt,
        Text,
        MediaId is { } media ? new PostMedia(media.ToString("D"), MediaKind ?? PostMediaKinds.Image, PosterId?.ToString("D")) : null,
        Mood,
        Location is null ? null : JsonSerializer.Deserialize(Location, HutongJsonContext.Default.PlaceInfo));

    internal sealed class Configuration : IEntityTypeConfiguration<StatusRow>
    {
        public void Configure(EntityTypeBuilder<StatusRow> row)
        {
            row.ToTable("statuses");
            row.HasKey(s => s.Id);
            row.HasIndex(s => new { s.AuthorId, s.ClientId }).IsUnique();
            row.HasIndex(s => new { s.AuthorId, s.ExpiresAt });
            row.HasIndex(s => s.ExpiresAt);
            row.HasIndex(s => s.MediaId);
            row.HasIndex(s => s.PosterId);
            row.Property(s => s.ClientId).HasMaxLength(64);
            row.Property(s => s.MediaKind).HasMaxLength(16);
            row.HasOne<AccountRow>().WithMany().HasForeignKey(s => s.AuthorId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
