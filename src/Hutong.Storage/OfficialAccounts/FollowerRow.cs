using Hutong.OfficialAccounts.Following;
using Hutong.Storage.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.OfficialAccounts;

/// <summary>A person's standing with an account; kept after an unfollow (<see cref="Following"/> false).</summary>
internal sealed class FollowerRow
{
    public Guid AccountId { get; set; }

    public Guid UserId { get; set; }

    public required string OpenId { get; set; }

    public bool Following { get; set; }

    public DateTimeOffset FollowedAt { get; set; }

    public required string Scene { get; set; }

    public required string Language { get; set; }

    public required string Remark { get; set; }

    public bool Muted { get; set; }

    public long? QrSceneId { get; set; }

    public string? QrSceneStr { get; set; }

    public string? QrTicket { get; set; }

    /// <summary>The seq of the last thread item the follower read: theirs alone, told to nobody.</summary>
    public long ReadUpTo { get; set; }

    public static FollowerRow From(Follower f) => new()
    {
        AccountId = f.AccountId,
        UserId = f.UserId,
        OpenId = f.OpenId,
        Following = f.Following,
        FollowedAt = f.FollowedAt,
        Scene = f.Scene,
        Language = f.Language,
        Remark = f.Remark,
        Muted = f.Muted,
        QrSceneId = f.QrSceneId,
        QrSceneStr = f.QrSceneStr,
        QrTicket = f.QrTicket,
    };

    public Follower ToDomain() => new(AccountId, UserId, OpenId, Following, FollowedAt, Scene, Language, Remark, Muted, QrSceneId, QrSceneStr, QrTicket);

    internal sealed class Configuration : IEntityTypeConfiguration<FollowerRow>
    {
        public void Configure(EntityTypeBuilder<FollowerRow> row)
        {
            row.ToTable("oa_followers");
            row.HasKey(f => new { f.AccountId, f.UserId });
            row.HasIndex(f => new { f.AccountId, f.OpenId }).IsUnique();
            row.HasIndex(f => new { f.UserId, f.Following });
            // Counting an account's followers (each broadcast, each profile) within the index: through the key alone
            // every one of a million rows was read for its flag (1.4 s in the broadcast bench).
            row.HasIndex(f => new { f.AccountId, f.Following });
            row.Property(f => f.OpenId).HasMaxLength(64);
            row.Property(f => f.Scene).HasMaxLength(16);
            row.Property(f => f.Language).HasMaxLength(16);
            row.Property(f => f.Remark).HasMaxLength(200);
            row.Property(f => f.QrSceneStr).HasMaxLength(64);
            row.Property(f => f.QrTicket).HasMaxLength(128);
            row.HasOne<OfficialAccountRow>().WithMany().HasForeignKey(f => f.AccountId).OnDelete(DeleteBehavior.Cascade);
            row.HasOne<AccountRow>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
