using Hutong.Chat.Messages;
using Microsoft.EntityFrameworkCore;

namespace Hutong.Storage.Chat;

internal sealed class MessageStore(IDbContextFactory<HutongDbContext> contexts, WriterTurns turns) : IMessageStore
{
    public async Task WriteAsync(IReadOnlyList<IReadOnlyList<ChatWrite>> units, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var turn = await turns.TakeAsync(db, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var indexedUpTo = db.IsPostgres ? 0 : await MessageSearch.LastRowIdAsync(db, cancellationToken);
        var pending = new PendingRows();
        foreach (var unit in units)
        {
            foreach (var write in unit)
            {
                await ApplyAsync(db, pending, write, cancellationToken);
            }
        }

        await pending.FlushAsync(db, cancellationToken);
        if (!db.IsPostgres)
        {
            await MessageSearch.IndexSqliteAsync(db, indexedUpTo, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Appends gather and go in bulk; updates and deletes run at once, so what gathered is flushed before them to keep
    /// every write in the order it was given.
    /// </summary>
    private static async Task ApplyAsync(HutongDbContext db, PendingRows pending, ChatWrite write, CancellationToken cancellationToken)
    {
        switch (write)
        {
            case AppendMessage append:
                pending.Messages.Add(MessageRow.From(append.Message));
                return;
            case AddMembers add:
                pending.Members.AddRange(add.Members.Select(MemberRow.From));
                return;
        }

        await pending.FlushAsync(db, cancellationToken);
        switch (write)
        {
            case MarkRecalled recall:
                await db.Messages.Where(m => m.ConversationId == recall.ConversationId && m.Seq == recall.Seq)
                    .ExecuteUpdateAsync(set => set.SetProperty(m => m.RecalledAt, recall.At).SetProperty(m => m.Text, (string?)null).SetProperty(m => m.Content, (string?)null), cancellationToken);
                // Its words and content are gone; the upload stays referenced, but MediaStore.CanSeeAsync skips recalled messages.
                break;
            case RemoveMember remove:
                await db.Members.Where(m => m.ConversationId == remove.ConversationId && m.UserId == remove.UserId).ExecuteDeleteAsync(cancellationToken);
                break;
            case SetRole role:
                await db.Members.Where(m => m.ConversationId == role.ConversationId && m.UserId == role.UserId)
                    .ExecuteUpdateAsync(set => set.SetProperty(m => m.Role, role.Role), cancellationToken);
                break;
            case UpdateGroup group:
                await db.Conversations.Where(c => c.Id == group.ConversationId).ExecuteUpdateAsync(
                    set => set.SetProperty(c => c.Name, group.Name).SetProperty(c => c.Announcement, group.Announcement)
                        .SetProperty(c => c.Dissolved, group.Dissolved).SetProperty(c => c.InviteApproval, group.InviteApproval),
                    cancellationToken);
                break;
            case CloseInvitation close:
                await db.Invitations.Where(i => i.Id == close.InvitationId)
                    .ExecuteUpdateAsync(set => set.SetProperty(i => i.State, close.State).SetProperty(i => i.AwaitingApproval, false).SetProperty(i => i.AwaitingAcceptance, false), cancellationToken);
                break;
            default:
                throw new NotSupportedException($"Unknown chat write {write.GetType().Name}.");
        }
    }

    public async Task<long> GetLastSeqAsync(Guid conversationId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Messages.Where(m => m.ConversationId == conversationId).MaxAsync(m => (long?)m.Seq, cancellationToken) ?? 0;
    }

    public async Task<ChatMessage?> FindAsync(Guid conversationId, long seq, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.ConversationId == conversationId && m.Seq == seq, cancellationToken))?.ToDomain();
    }

    public async Task<IReadOnlyList<ChatMessage>> GetRecentAsync(Guid conversationId, int count, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId && m.ClientMsgId != null)
            .OrderByDescending(m => m.Seq).Take(count)
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(m => m.ToDomain());
    }

    public async Task<ChatMessage?> FindByClientMsgIdAsync(Guid conversationId, Guid senderId, string clientMsgId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.Messages.AsNoTracking()
            .FirstOrDefaultAsync(m => m.ConversationId == conversationId && m.SenderId == senderId && m.ClientMsgId == clientMsgId, cancellationToken))?.ToDomain();
    }

    public async Task<IReadOnlyList<ChatMessage>> ReadAsync(
        Guid conversationId, Guid userId, long visibleAfterSeq, long? afterSeq, long? beforeSeq, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var visible = db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId && m.Seq > visibleAfterSeq
                && !db.MessageDeletions.Any(d => d.UserId == userId && d.ConversationId == conversationId && d.Seq == m.Seq));
        var rows = beforeSeq is { } before
            ? (await visible.Where(m => m.Seq < before).OrderByDescending(m => m.Seq).Take(limit).ToListAsync(cancellationToken)).AsEnumerable().Reverse().ToList()
            : await visible.Where(m => m.Seq > (afterSeq ?? 0)).OrderBy(m => m.Seq).Take(limit).ToListAsync(cancellationToken);
        return rows.ConvertAll(m => m.ToDomain());
    }

    public async Task DeleteForUserAsync(Guid userId, Guid conversationId, long seq, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.MessageDeletions.AnyAsync(d => d.UserId == userId && d.ConversationId == conversationId && d.Seq == seq, cancellationToken))
        {
            db.MessageDeletions.Add(new MessageDeletionRow { UserId = userId, ConversationId = conversationId, Seq = seq });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private sealed class PendingRows
    {
        public List<MessageRow> Messages { get; } = [];

        public List<MemberRow> Members { get; } = [];

        public async Task FlushAsync(HutongDbContext db, CancellationToken cancellationToken)
        {
            await BulkInsert.InsertAsync(db, Messages, cancellationToken);
            await BulkInsert.InsertAsync(db, Members, cancellationToken);
            Messages.Clear();
            Members.Clear();
        }
    }
}
