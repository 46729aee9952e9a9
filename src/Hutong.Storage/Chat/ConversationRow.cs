using Hutong.Chat.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.Chat;

internal sealed class ConversationRow
{
    public Guid Id { get; set; }

    public ConversationKind Kind { get; set; }

    public string? Name { get; set; }

    public string? Announcement { get; set; }

    public Guid? DirectLow { get; set; }

    public Guid? DirectHigh { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public bool Dissolved { get; set; }

    public bool InviteApproval { get; set; }

    public Conversation ToDomain() => new(Id, Kind, Name, Announcement, DirectLow, DirectHigh, CreatedAt, Dissolved, InviteApproval);

    public static ConversationRow From(Conversation c) => new()
    {
        Id = c.Id,
        Kind = c.Kind,
        Name = c.Name,
        Announcement = c.Announcement,
        DirectLow = c.DirectLow,
        DirectHigh = c.DirectHigh,
        CreatedAt = c.CreatedAt,
        Dissolved = c.Dissolved,
        InviteApproval = c.InviteApproval,
    };

    internal sealed class Configuration : IEntityTypeConfiguration<ConversationRow>
    {
        public void Configure(EntityTypeBuilder<ConversationRow> row)
        {
            row.ToTable("conversations");
            row.HasKey(c => c.Id);
            row.Property(c => c.Name).HasMaxLength(256);
            row.Property(c => c.Announcement).HasMaxLength(10_000);
            // One direct conversation per pair; groups leave both null, and nulls never collide.
            row.HasIndex(c => new { c.DirectLow, c.DirectHigh }).IsUnique();
        }
    }
}
