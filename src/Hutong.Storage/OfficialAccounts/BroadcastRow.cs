using Hutong.OfficialAccounts.Broadcasts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.OfficialAccounts;

internal sealed class BroadcastRow
{
    public Guid Id { get; set; }

    public Guid AccountId { get; set; }

    public required string ClientId { get; set; }

    public DateTimeOffset SentAt { get; set; }

    public required string Audience { get; set; }

    public int? TagId { get; set; }

    public int Recipients { get; set; }

    public bool Counted { get; set; }

    public static BroadcastRow From(Broadcast b) => new()
    {
        Id = b.Id,
        AccountId = b.AccountId,
        ClientId = b.ClientId,
        SentAt = b.SentAt,
        Audience = b.Audience,
        TagId = b.TagId,
        Recipients = b.Recipients,
        Counted = b.Counted,
    };

    public Broadcast ToDomain() => new(Id, AccountId, ClientId, SentAt, Audience, TagId, Recipients, Counted);

    internal sealed class Configuration : IEntityTypeConfiguration<BroadcastRow>
    {
        public void Configure(EntityTypeBuilder<BroadcastRow> row)
        {
            row.ToTable("oa_broadcasts");
            row.HasKey(b => b.Id);
            row.HasIndex(b => new { b.AccountId, b.ClientId }).IsUnique();
            row.HasIndex(b => new { b.AccountId, b.Counted, b.SentAt });
            row.Property(b => b.ClientId).HasMaxLength(64);
            row.Property(b => b.Audience).HasMaxLength(16);
            row.HasOne<OfficialAccountRow>().WithMany().HasForeignKey(b => b.AccountId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
