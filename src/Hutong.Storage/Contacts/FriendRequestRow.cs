using Hutong.Accounts.Contacts;
using Hutong.Storage.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.Contacts;

internal sealed class FriendRequestRow
{
    public Guid Id { get; set; }

    public Guid FromUserId { get; set; }

    public Guid ToUserId { get; set; }

    public required string Greeting { get; set; }

    public FriendRequestState State { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RespondedAt { get; set; }

    public FriendRequest ToDomain() => new(Id, FromUserId, ToUserId, Greeting, State, CreatedAt, ExpiresAt, RespondedAt);

    internal sealed class Configuration : IEntityTypeConfiguration<FriendRequestRow>
    {
        public void Configure(EntityTypeBuilder<FriendRequestRow> row)
        {
            row.ToTable("friend_requests");
            row.HasKey(r => r.Id);
            row.Property(r => r.Greeting).HasMaxLength(2000);
            row.HasIndex(r => new { r.ToUserId, r.CreatedAt });
            row.HasIndex(r => new { r.FromUserId, r.ToUserId, r.State });
            row.HasOne<AccountRow>().WithMany().HasForeignKey(r => r.FromUserId).OnDelete(DeleteBehavior.Cascade);
            row.HasOne<AccountRow>().WithMany().HasForeignKey(r => r.ToUserId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
