using System.Text.Json;
using Hutong.Contracts;
using Hutong.Social.Moments;
using Hutong.Storage.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.Social;

/// <summary>
/// A post, written once. <see cref="Seq"/> orders timelines and albums (the public id is a UUID); the fan-out columns
/// say how far the post has gone into friends' timelines, so a fan-out cut off by a crash resumes from there.
/// </summary>
internal sealed class MomentPostRow
{
    public long Seq { get; set; }

    public Guid Id { get; set; }

    public Guid AuthorId { get; set; }

    public required string ClientId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string? Text { get; set; }

    /// <summary>The images or video, as the wire's JSON list.</summary>
    public required string Media { get; set; }

    public string? Location { get; set; }

    public string? Card { get; set; }

    public required string AudienceKind { get; set; }

    public List<string> AudienceTags { get; set; } = [];

    public List<Guid> AudiencePeople { get; set; } = [];

    public List<Guid> RemindIds { get; set; } = [];

    /// <summary>The last friend (in id order) whose timeline has the post.</summary>
    public Guid? FanOutReached { get; set; }

    public bool FanOutDone { get; set; }

    public static MomentPostRow From(Post post) => new()
    {
        Id = post.Id,
        AuthorId = post.AuthorId,
        ClientId = post.ClientId,
        CreatedAt = post.CreatedAt,
        Text = post.Text,
        Media = JsonSerializer.Serialize(post.Media, HutongJsonContext.Default.IReadOnlyListPostMedia),
        Location = post.Location is null ? null : JsonSerializer.Serialize(post.Location, HutongJsonContext.Default.PlaceInfo),
        Card = post.Card is null ? null : JsonSerializer.Serialize(post.Card, HutongJsonContext.Default.PostCard),
        AudienceKind = post.Audience.Kind,
        AudienceTags = [.. post.Audience.Tags],
        AudiencePeople = [.. post.Audience.People],
        RemindIds = [.. post.RemindIds],
        FanOutDone = post.Audience.FixedReach is { Count: 0 },
    };

    public Post ToDomain() => new(
        Id,
        AuthorId,
        ClientId,
        CreatedAt,
        Text,
        JsonSerializer.Deserialize(Media, HutongJsonContext.Default.IReadOnlyListPostMedia) ?? [],
        Location is null ? null : JsonSerializer.Deserialize(Location, HutongJsonContext.Default.PlaceInfo),
        Card is null ? null : JsonSerializer.Deserialize(Card, HutongJsonContext.Default.PostCard),
        new Audience(AudienceKind, AudienceTags, AudiencePeople),
        RemindIds)
    {
        Seq = Seq,
    };

    internal sealed class Configuration : IEntityTypeConfiguration<MomentPostRow>
    {
        public void Configure(EntityTypeBuilder<MomentPostRow> row)
        {
            row.ToTable("moment_posts");
            row.HasKey(p => p.Seq);
            row.Property(p => p.Seq).ValueGeneratedOnAdd();
            row.HasAlternateKey(p => p.Id);
            row.HasIndex(p => new { p.AuthorId, p.ClientId }).IsUnique();
            row.HasIndex(p => new { p.AuthorId, p.Seq });
            row.HasIndex(p => new { p.FanOutDone, p.CreatedAt });
            row.Property(p => p.ClientId).HasMaxLength(64);
            row.Property(p => p.AudienceKind).HasMaxLength(16);
            row.HasOne<AccountRow>().WithMany().HasForeignKey(p => p.AuthorId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
