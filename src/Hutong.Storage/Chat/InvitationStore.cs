using Hutong.Chat.Conversations;
using Microsoft.EntityFrameworkCore;

namespace Hutong.Storage.Chat;

internal sealed class InvitationStore(IDbContextFactory<HutongDbContext> contexts) : IInvitationStore
{
    public async Task AddAsync(IReadOnlyList<GroupInvitation> invitations, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Invitations.AddRange(invitations.Select(i =>
        {
            var row = new InvitationRow();
            row.CopyFrom(i);
            return row;
        }));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<GroupInvitation?> FindAsync(Guid invitationId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.Id == invitationId, cancellationToken))?.ToDomain();
    }

    public async Task UpdateAsync(GroupInvitation invitation, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Invitations.FirstAsync(i => i.Id == invitation.Id, cancellationToken);
        row.CopyFrom(invitation);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<(GroupInvitation Invitation, string GroupName)>> ListOpenForUserAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await (
                from i in db.Invitations.AsNoTracking()
                where i.State == InvitationState.Open && i.ExpiresAt > now
                    && ((i.InviteeId == userId && i.AwaitingAcceptance)
                        || (i.AwaitingApproval && db.Members.Any(m => m.ConversationId == i.ConversationId && m.UserId == userId && m.Role != MemberRole.Member)))
                join c in db.Conversations on i.ConversationId equals c.Id
                orderby i.CreatedAt descending
                select new { Invitation = i, c.Name })
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(x => (x.Invitation.ToDomain(), x.Name ?? string.Empty));
    }

    public async Task AddCodeAsync(GroupCode code, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.GroupCodes.Add(new GroupCodeRow { Code = code.Code, ConversationId = code.ConversationId, CreatorId = code.CreatorId, ExpiresAt = code.ExpiresAt });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<GroupCode?> FindCodeAsync(string code, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.GroupCodes.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, cancellationToken);
        return row is null ? null : new GroupCode(row.Code, row.ConversationId, row.CreatorId, row.ExpiresAt);
    }

    public async Task<GroupCode?> FindLiveCodeAsync(Guid conversationId, Guid creatorId, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.GroupCodes.AsNoTracking()
            .Where(c => c.ConversationId == conversationId && c.CreatorId == creatorId && c.ExpiresAt > until)
            .OrderByDescending(c => c.ExpiresAt)
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : new GroupCode(row.Code, row.ConversationId, row.CreatorId, row.ExpiresAt);
    }
}
