using Hutong.Chat.Messages;
using Hutong.Chat.Search;
using Microsoft.EntityFrameworkCore;

namespace Hutong.Storage.Chat;

/// <summary>
/// Trigram search: SQLite's FTS5 table <c>messages_fts</c> (keyed by the message's rowid; filled by the chat writer in
/// the transaction that adds the messages, emptied of recalled ones by a trigger) or PostgreSQL's pg_trgm index on
/// <c>messages.text</c>. A trigram index needs three characters; shorter queries (one
/// or two Chinese characters are common) scan the caller's own messages instead.
/// </summary>
internal sealed class MessageSearch(IDbContextFactory<HutongDbContext> contexts) : IMessageSearch
{
    public async Task<IReadOnlyList<ChatMessage>> SearchAsync(Guid userId, string text, Guid? conversationId, int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        IQueryable<MessageRow> candidates;
        if (text.Length < 3)
        {
            candidates = db.Messages.Where(m => m.Text != null && m.Text.Contains(text));
        }
        else if (db.IsPostgres)
        {
            var pattern = "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            candidates = db.Messages.FromSql($"SELECT * FROM messages WHERE text ILIKE {pattern}");
        }
        else
        {
            // A quoted FTS5 string matches as a substring under the trigram tokenizer; quotes inside are doubled.
            var match = "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            candidates = db.Messages.FromSql($"SELECT m.* FROM messages m JOIN messages_fts f ON f.rowid = m.rowid WHERE messages_fts MATCH {match}");
        }

        var rows = await (
                from m in candidates.AsNoTracking()
                join member in db.Members on m.ConversationId equals member.ConversationId
                where member.UserId == userId && m.Seq > member.VisibleAfterSeq && m.RecalledAt == null
                    && (conversationId == null || m.ConversationId == conversationId)
                    && !db.MessageDeletions.Any(d => d.UserId == userId && d.ConversationId == m.ConversationId && d.Seq == m.Seq)
                orderby m.SentAt descending
                select m)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(m => m.ToDomain());
    }

    /// <summary>The newest message's rowid, read at the start of a write transaction.</summary>
    public static async Task<long> LastRowIdAsync(HutongDbContext db, CancellationToken cancellationToken) =>
        await db.Database.SqlQueryRaw<long>("SELECT coalesce(max(rowid), 0) AS \"Value\" FROM messages").SingleAsync(cancellationToken);

    /// <summary>
    /// Indexes the messages the transaction added after <paramref name="afterRowId"/>. One statement per group commit
    /// costs about a third of a trigger firing per row; a message recalled in the same transaction has no text by now
    /// and is skipped.
    /// </summary>
    public static Task IndexSqliteAsync(HutongDbContext db, long afterRowId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"INSERT INTO messages_fts(rowid, text) SELECT rowid, text FROM messages WHERE rowid > {afterRowId} AND text IS NOT NULL", cancellationToken);
}
