using Hutong.Social.Status;
using Hutong.Storage.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.Social;

internal sealed class StatusReactionRow
{
    public Guid StatusId { get; set; }

    public Guid UserId { get; set; }

    public required string Reaction { get; set; }

    public DateTimeOffset At { get; set; }

    public Reaction ToDomain() => new(StatusId, UserId, Reaction, At);

    internal sealed class Configuration : IEntityTypeConfiguration<StatusReactionRow>
    {
        public void Configure(EntityTypeBuilder<StatusReactionRow> row)
        {
            row.ToTable("status_reactions");
            row.HasKey(r => new { r.StatusId, r.UserId });
            row.Property(r => r.Reaction).HasMaxLength(64);
            row.HasOne<StatusRow>().WithMany().HasForeignKey(r => r.StatusId).OnDelete(DeleteBehavior.Cascade);
            row.HasOne<AccountRow>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
