using Hutong.Social.Moments;
using Hutong.Storage.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.Social;

internal sealed class MomentCommentRow
{
    public Guid Id { get; set; }

    public Guid PostId { get; set; }

    public Guid AuthorId { get; set; }

    public required string ClientId { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset At { get; set; }

    public Guid? ReplyToCommentId { get; set; }

    public Guid? ReplyToUserId { get; set; }

    public static MomentCommentRow From(Comment c) => new()
    {
        Id = c.Id, PostId = c.PostId, AuthorId = c.AuthorId, ClientId = c.ClientId, Text = c.Text, At = c.At,
        ReplyToCommentId = c.ReplyToCommentId, ReplyToUserId = c.ReplyToUserId,
    };

    public Comment ToDomain() => new(Id, PostId, AuthorId, ClientId, Text, At, ReplyToCommentId, ReplyToUserId);

    internal sealed class Configuration : IEntityTypeConfiguration<MomentCommentRow>
    {
        public void Configure(EntityTypeBuilder<MomentCommentRow> row)
        {
            row.ToTable("moment_comments");
            row.HasKey(c => c.Id);
            row.HasIndex(c => c.PostId);
            row.HasIndex(c => new { c.AuthorId, c.ClientId }).IsUnique();
            row.Property(c => c.ClientId).HasMaxLength(64);
            row.HasOne<MomentPostRow>().WithMany().HasForeignKey(c => c.PostId).HasPrincipalKey(p => p.Id).OnDelete(DeleteBehavior.Cascade);
            row.HasOne<AccountRow>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
