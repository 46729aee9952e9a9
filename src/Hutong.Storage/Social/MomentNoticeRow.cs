using Hutong.Social.Moments;
using Hutong.Storage.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.Social;

/// <summary>One of a person's "Moments messages"; <see cref="Seq"/> orders them and marks how far they have read.</summary>
internal sealed class MomentNoticeRow
{
    public long Seq { get; set; }

    public Guid Id { get; set; }

    public Guid OwnerId { get; set; }

    public required string Kind { get; set; }

    public Guid PostId { get; set; }

    public Guid ActorId { get; set; }

    public DateTimeOffset At { get; set; }

    public Guid? CommentId { get; set; }

    public string? Text { get; set; }

    public static MomentNoticeRow From(Notice n) => new()
    {
        Id = n.Id, OwnerId = n.OwnerId, Kind = n.Kind, PostId = n.PostId, ActorId = n.ActorId, At = n.At, CommentId = n.CommentId, Text = n.Text,
    };

    public Notice ToDomain() => new(Id, OwnerId, Kind, PostId, ActorId, At, CommentId, Text) { Seq = Seq };

    internal sealed class Configuration : IEntityTypeConfiguration<MomentNoticeRow>
    {
        public void Configure(EntityTypeBuilder<MomentNoticeRow> row)
        {
            row.ToTable("moment_notices");
            row.HasKey(n => n.Seq);
            row.Property(n => n.Seq).ValueGeneratedOnAdd();
            row.HasAlternateKey(n => n.Id);
            row.HasIndex(n => new { n.OwnerId, n.Seq });
            row.HasIndex(n => n.PostId);
            row.HasIndex(n => n.CommentId);
            row.Property(n => n.Kind).HasMaxLength(16);
            row.HasOne<MomentPostRow>().WithMany().HasForeignKey(n => n.PostId).HasPrincipalKey(p => p.Id).OnDelete(DeleteBehavior.Cascade);
            row.HasOne<AccountRow>().WithMany().HasForeignKey(n => n.OwnerId).OnDelete(DeleteBehavior.Cascade);
            row.HasOne<AccountRow>().WithMany().HasForeignKey(n => n.ActorId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
