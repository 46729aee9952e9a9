using Hutong.Accounts.Identity;
using Hutong.Chat.Conversations;
using Hutong.Contracts.Chat;
using Microsoft.EntityFrameworkCore;

namespace Hutong.Storage.Chat;

/// <summary>A singleton over a context factory: grains live outside request scopes.</summary>
internal sealed class ConversationStore(IDbContextFactory<HutongDbContext> contexts) : IConversationStore
{
    public async Task<Conversation?> FindAsync(Guid conversationId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken))?.ToDomain();
    }

    public async Task<Conversation?> FindDirectAsync(Guid low, Guid high, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.DirectLow == low && c.DirectHigh == high, cancellationToken))?.ToDomain();
    }

    public async Task<bool> TryCreateDirectAsync(Conversation conversation, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Conversations.Add(ConversationRow.From(conversation));
        db.Members.AddRange(
            MemberRow.From(new Member(conversation.Id, conversation.DirectLow!.Value, MemberRole.Member, at, 0, 0, false, false)),
            MemberRow.From(new Member(conversation.Id, conversation.DirectHigh!.Value, MemberRole.Member, at, 0, 0, false, false)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // The pair's unique index: the other side opened it at the same moment.
            db.ChangeTracker.Clear();
            if (await db.Conversations.AnyAsync(c => c.DirectLow == conversation.DirectLow && c.DirectHigh == conversation.DirectHigh, cancellationToken))
            {
                return false;
            }

            throw;
        }
    }

    public async Task CreateGroupAsync(Conversation conversation, IReadOnlyList<Member> members, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Conversations.Add(ConversationRow.From(conversation));
        db.Members.AddRange(members.Select(MemberRow.From));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Member>> GetMembersAsync(Guid conversationId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Members.AsNoTracking().Where(m => m.ConversationId == conversationId).ToListAsync(cancellationToken);
        return rows.ConvertAll(m => m.ToDomain());
    }

    public async Task<Member?> FindMemberAsync(Guid conversationId, Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.ConversationId == conversationId && m.UserId == userId, cancellationToken))?.ToDomain();
    }

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<UserCard>>> GetFacesAsync(
        IReadOnlyList<Guid> conversationIds, int each, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var faces = new Dictionary<Guid, IReadOnlyList<UserCard>>();
        // One short query per group on the (conversation, user) key: a large group never loads all its members.
        foreach (var id in conversationIds)
        {
            var rows = await (
                    from m in db.Members.AsNoTracking()
                    where m.ConversationId == id
                    join a in db.Accounts on m.UserId equals a.Id
                    orderby m.JoinedAt, m.UserId
                    select new { a.Id, a.Handle, a.DisplayName, a.AvatarUrl })
                .Take(each).ToListAsync(cancellationToken);
            faces[id] = rows.ConvertAll(r => new UserCard(r.Id, r.Handle, r.DisplayName, r.AvatarUrl));
        }

        return faces;
    }

    public async Task<IReadOnlyList<MemberCard>> GetMemberCardsAsync(Guid conversationId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await (
                from m in db.Members.AsNoTracking()
                where m.ConversationId == conversationId
                join a in db.Accounts on m.UserId equals a.Id
                select new { Member = m, a.Id, a.Handle, a.DisplayName, a.AvatarUrl })
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(r => new MemberCard(r.Member.ToDomain(), new UserCard(r.Id, r.Handle, r.DisplayName, r.AvatarUrl)));
    }

    public async Task<bool> AdvanceReadSeqAsync(Guid conversationId, Guid userId, long seq, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Members
            .Where(m => m.ConversationId == conversationId && m.UserId == userId && m.ReadSeq < seq)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.ReadSeq, seq), cancellationToken) > 0;
    }

    public async Task UpdateSettingsAsync(Guid conversationId, Guid userId, bool muted, bool pinned, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Members
            .Where(m => m.ConversationId == conversationId && m.UserId == userId)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.Muted, muted).SetProperty(m => m.Pinned, pinned), cancellationToken);
    }

    public async Task<IReadOnlyList<MemberPosition>> GetPositionsAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Members.AsNoTracking()
            .Where(m => m.UserId == userId)
            .Select(m => new MemberPosition(
                m.ConversationId,
                db.Messages.Where(x => x.ConversationId == m.ConversationId).Max(x => (long?)x.Seq) ?? 0,
                m.VisibleAfterSeq))
            .ToListAsync(cancellationToken);
    }

    /// <summary>A handful of set queries for the whole list, not a handful per conversation.</summary>
    public async Task<IReadOnlyList<ConversationListing>> ListForUserAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var mine = await (
                from m in db.Members.AsNoTracking()
                where m.UserId == userId
                join c in db.Conversations on m.ConversationId equals c.Id
                select new { Member = m, Conversation = c })
            .ToListAsync(cancellationToken);
        if (mine.Count == 0)
        {
            return [];
        }

        var ids = mine.ConvertAll(x => x.Conversation.Id);
        var lastMessages = await db.Messages.AsNoTracking()
            .Where(m => ids.Contains(m.ConversationId)
                && m.Seq == db.Messages.Where(x => x.ConversationId == m.ConversationId).Max(x => x.Seq))
            .ToDictionaryAsync(m => m.ConversationId, cancellationToken);
        var unread = await (
                from m in db.Messages
                join me in db.Members on m.ConversationId equals me.ConversationId
                where me.UserId == userId && m.Seq > me.ReadSeq && m.Seq > me.VisibleAfterSeq
                    && m.SenderId != userId && m.Kind == MessageKinds.Text && m.RecalledAt == null
                group m by m.ConversationId into g
                select new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var memberCounts = await db.Members
            .Where(m => ids.Contains(m.ConversationId))
            .GroupBy(m => m.ConversationId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var directIds = mine.Where(x => x.Conversation.Kind == ConversationKind.Direct).Select(x => x.Conversation.Id).ToList();
        var peers = await (
                from m in db.Members
                where directIds.Contains(m.ConversationId) && m.UserId != userId
                join a in db.Accounts on m.UserId equals a.Id
                join f in db.Friendships.Where(f => f.UserId == userId) on a.Id equals f.FriendId into remarks
                from f in remarks.DefaultIfEmpty()
                select new { m.ConversationId, a.Id, Name = f != null && f.Remark != null ? f.Remark : a.DisplayName })
            .ToDictionaryAsync(x => x.ConversationId, cancellationToken);

        return mine.ConvertAll(x =>
        {
            var id = x.Conversation.Id;
            var last = lastMessages.GetValueOrDefault(id);
            var peer = peers.GetValueOrDefault(id);
            return new ConversationListing(
                x.Conversation.ToDomain(), x.Member.ToDomain(), last?.Seq ?? 0, unread.GetValueOrDefault(id),
                last is null || last.Seq <= x.Member.VisibleAfterSeq ? null : last.ToDomain(),
                memberCounts.GetValueOrDefault(id), peer?.Id, peer?.Name);
        });
    }
}
