using Hutong.Accounts.Identity;
using Hutong.Chat.Conversations;
using Hutong.Chat.Messages;
using Hutong.Contracts.Chat.Content;
using Hutong.Server.Hosting;
using Hutong.Storage.Accounts;
using Hutong.Storage.Chat;
using Hutong.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Hutong.Storage.Tests;

/// <summary>The chat writer's group commit as storage sees it: what one transaction of units leaves behind.</summary>
public sealed class MessageStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 30, 15, 123, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task GroupCommit_IndexesWhatItAdds_AndNotWhatItRecalls(StorageProvider provider)
    {
        await using var database = await StorageDatabase.CreateAsync(provider);
        var contexts = new PooledDbContextFactory<HutongDbContext>(database.Options);
        var (conversationId, me) = await NewGroupAsync(contexts);
        using var turns = new WriterTurns();
        var store = new MessageStore(contexts, turns);
        var search = new MessageSearch(contexts);

        // One transaction: two messages, and the first recalled before it commits, as a busy writer may batch them.
        await store.WriteAsync(
            [
                [new AppendMessage(Text(conversationId, me, 1, "晚上一起吃火锅吗"))],
                [new AppendMessage(Text(conversationId, me, 2, "火锅店八点见"))],
                [new MarkRecalled(conversationId, 1, Now)],
            ],
            Ct);
        // And a later transaction, indexed on its own.
        await store.WriteAsync([[new AppendMessage(Text(conversationId, me, 3, "see you at the hotpot place"))]], Ct);

        Assert.Equal([2], (await search.SearchAsync(me, "火锅店", null, 10, Ct)).Select(m => m.Seq));
        Assert.Empty(await search.SearchAsync(me, "一起吃火锅", null, 10, Ct));
        // A recall leaves neither the words nor the content; what stays is kept as written, not as \u escapes.
        await using var db = await contexts.CreateDbContextAsync(Ct);
        var rows = await db.Messages.AsNoTracking().Where(m => m.ConversationId == conversationId).OrderBy(m => m.Seq).ToListAsync(Ct);
        Assert.Equal([(null, null), ("火锅店八点见", """{"kind":"text","text":"火锅店八点见"}""")], rows.Take(2).Select(m => (m.Text, m.Content)));
        Assert.Equal([3], (await search.SearchAsync(me, "hotpot", null, 10, Ct)).Select(m => m.Seq));
    }

    private static ChatMessage Text(Guid conversationId, Guid sender, long seq, string text) =>
        new(conversationId, seq, sender, new TextContent(text), null, Now.AddSeconds(seq), $"c{seq}");

    private static async Task<(Guid ConversationId, Guid Me)> NewGroupAsync(PooledDbContextFactory<HutongDbContext> contexts)
    {
        var me = new Account(Guid.CreateVersion7(), "wen", "Wen", null, "pbkdf2-sha256$10000$c2FsdA==$aGFzaA==", Now);
        Assert.True(await new AccountStore(contexts).TryAddAsync(me, Ct));

        var conversation = new Conversation(Guid.CreateVersion7(), ConversationKind.Group, "dinner", null, null, null, Now, false);
        await new ConversationStore(contexts).CreateGroupAsync(conversation, [new Member(conversation.Id, me.Id, MemberRole.Owner, Now, 0, 0, false, false)], Ct);
        return (conversation.Id, me.Id);
    }
}
