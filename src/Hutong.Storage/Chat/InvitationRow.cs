using Hutong.Chat.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hutong.Storage.Chat;

internal sealed class InvitationRow
{
    public Guid Id { get; set; }

    public Guid ConversationId { get; set; }

    public Guid InviterId { get; set; }

    public Guid InviteeId { get; set; }

    public bool AwaitingApproval { get; set; }

    public bool AwaitingAcceptance { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public InvitationState State { get; set; }

    public GroupInvitation ToDomain() => new(Id, ConversationId, InviterId, InviteeId, AwaitingApproval, AwaitingAcceptance, CreatedAt, ExpiresAt, State);

    public void CopyFrom(GroupInvitation i)
    {
        (Id, ConversationId, InviterId, InviteeId) = (i.Id, i.ConversationId, i.InviterId, i.InviteeId);
        (AwaitingApproval, AwaitingAcceptance, CreatedAt, ExpiresAt, State) = (i.AwaitingApproval, i.AwaitingAcceptance, i.CreatedAt, i.ExpiresAt, i.State);
    }

    internal sealed class Configuration : IEntityTypeConfiguration<InvitationRow>
    {
        public void Configure(EntityTypeBuilder<InvitationRow> row)
        {
            row.ToTable("group_invitations");
            row.HasKey(i => i.Id);
            row.HasIndex(i => new { i.InviteeId, i.State });
            row.HasIndex(i => new { i.ConversationId, i.State });
            row.HasOne<ConversationRow>().WithMany().HasForeignKey(i => i.ConversationId).OnDelete(DeleteBehavior.Cascade);
        }
    }
}
