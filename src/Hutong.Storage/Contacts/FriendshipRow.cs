using Hutong.Accounts.Contacts;
using Hutong.Storage.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.Contacts;

/// <summary>One direction of a friendship; a friendship is always two rows, written and removed together.</summary>
internal sealed class FriendshipRow
{
    public Guid UserId { get; set; }

    public Guid FriendId { get; set; }

    public string? Remark { get; set; }

    public List<string> Tags { get; set; } = [];

    public bool ChatOnly { get; set; }

    public bool HideTheirMoments { get; set; }

    public DateTimeOffset Since { get; set; }

    public Friendship ToDomain() => new(UserId, FriendId, Remark, Tags, ChatOnly, HideTheirMoments, Since);

    internal sealed class Configuration : IEntityTypeConfiguration<FriendshipRow>
    {
        public void Configure(EntityTypeBuilder<FriendshipRow> row)
        {
            row.ToTable("friendships");
            row.HasKey(f => new { f.UserId, f.FriendId });
            row.Property(f => f.Remark).HasMaxLength(256);
            row.HasOne<AccountRow>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
            row.HasOne<AccountRow>().WithMany().HasForeignKey(f => f.FriendId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
