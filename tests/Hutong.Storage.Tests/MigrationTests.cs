using Hutong.Contracts.Chat;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.Events;
using Hutong.Realtime.Log;
using Hutong.Server.Hosting;
using Hutong.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Hutong.Storage.Tests;

public sealed class MigrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task Model_HasAMigrationForEveryChange(StorageProvider provider)
    {
        await using var database = await StorageDatabase.CreateAsync(provider, migrate: false);
        await using var db = database.NewContext();

        // Fails when the model changed without `dotnet ef migrations add` for this provider.
        Assert.False(db.Database.HasPendingModelChanges(), $"The {provider} migrations are behind the model.");
    }

    [Theory, ProviderData]
    public async Task Migrate_OnAnEmptyDatabase_AppliesAll_AndAgainIsANoOp(StorageProvider provider)
    {
        await using var database = await StorageDatabase.CreateAsync(provider, migrate: false);
        await using var db = database.NewContext();

        await database.MigrateAsync(db);
        await database.MigrateAsync(db);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(Ct));
    }

    [Theory, ProviderData]
    public async Task TransfersNamedByNode_PointsOldTransferCardsAndNoticesAtTheNodesId(StorageProvider provider)
    {
        await using var database = await StorageDatabase.CreateAsync(provider, migrate: false);
        await using var db = database.NewContext();
        var migrations = db.Database.GetMigrations().ToList();
        await db.GetService<IMigrator>().MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith("_TransfersNamedByNode", StringComparison.Ordinal)) - 1], cancellationToken: Ct);

        // Two senders who picked the same transfer id for the same receiver, as the schema before allowed.
        var sqlite = provider == StorageProvider.Sqlite;
        object Id(Guid id) => sqlite ? id.ToString().ToUpperInvariant() : id;
        object At(DateTimeOffset at) => sqlite ? at.UtcTicks : at;
        var now = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
        var (a, b, c, chat) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var (fromA, fromC) = (Guid.NewGuid(), Guid.NewGuid());
        foreach (var (person, handle) in new[] { (a, "a"), (b, "b"), (c, "c") })
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO accounts (id, handle, display_name, password_hash, created_at) VALUES ({0}, {1}, {1}, 'x', {2})", [Id(person), handle, At(now)], Ct);
        }

        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO conversations (id, kind, created_at, dissolved, invite_approval) VALUES ({0}, 0, {1}, FALSE, FALSE)", [Id(chat), At(now)], Ct);
        foreach (var (transfer, sender) in new[] { (fromA, a), (fromC, c) })
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO person_transfers (id, transfer_id, sender_id, receiver_id, amount, state, created_at, expires_at, settled) VALUES ({0}, 'SAME', {1}, {2}, 100, 'accepted', {3}, {3}, TRUE)",
                [Id(transfer), Id(sender), Id(b), At(now)], Ct);
        }

        var seq = 0;
        foreach (var (transfer, sender) in new[] { (fromA, a), (fromC, c) })
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO messages (conversation_id, seq, sender_id, kind, mentions_all, sent_at, client_msg_id, money_ref, money_amount) VALUES ({0}, {1}, {2}, 8, FALSE, {3}, {4}, 'SAME', 100)",
                [Id(chat), ++seq, Id(sender), At(now), $"transfer:{transfer:N}"], Ct);
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO messages (conversation_id, seq, sender_id, kind, mentions_all, sent_at, client_msg_id, notice_type, notice_text) VALUES ({0}, {1}, {2}, 1, FALSE, {3}, {4}, 'transferAccepted', 'SAME')",
                [Id(chat), ++seq, Id(b), At(now), $"transfer-outcome:{transfer:N}"], Ct);
        }

        await database.MigrateAsync(db);

        var store = new Chat.MessageStore(new PooledDbContextFactory<HutongDbContext>(database.Options), new WriterTurns());
        var messages = await store.ReadAsync(chat, a, 0, 0, null, 100, Ct);
        Assert.Equal(
            [(fromA.ToString(), (string?)null), (null, fromA.ToString()), (fromC.ToString(), null), (null, fromC.ToString())],
            messages.Select(m => ((m.Content as TransferContent)?.Id, (m.Content as NoticeContent)?.Text)));
    }

    [Theory, ProviderData]
    public async Task TypedUserEvents_TurnsEveryOldRowIntoItsKindsRecord(StorageProvider provider)
    {
        await using var database = await StorageDatabase.CreateAsync(provider, migrate: false);
        await using var db = database.NewContext();
        var migrations = db.Database.GetMigrations().ToList();
        await db.GetService<IMigrator>().MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith("_TypedUserEvents", StringComparison.Ordinal)) - 1], cancellationToken: Ct);

        var sqlite = provider == StorageProvider.Sqlite;
        object? Id(Guid? id) => id is not { } value ? null : sqlite ? value.ToString().ToUpperInvariant() : value;
        var (me, other, chat, request) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var at = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        var old = new (string Kind, Guid? Conversation, long? MessageSeq, Guid? Other, Guid? Request, string? State)[]
        {
            ("friendRequest", null, null, other, request, "pending"),
            ("friends", chat, null, other, request, "added"),
            ("conversation", chat, null, null, null, "joined"),
            ("readPosition", chat, 7, null, null, null),
            ("messageDeleted", chat, 3, null, null, null),
            ("settings", chat, null, null, null, null),
            ("profile", null, null, other, null, null),
            ("groupInvitation", chat, null, other, request, "pending"),
            ("redPacketOpened", chat, 9, other, null, null),
            ("redPacketOpened", chat, 9, other, null, "4"),
            ("redPacketReturned", chat, 9, null, null, "400"),
        };
        for (var i = 0; i < old.Length; i++)
        {
            var row = old[i];
            // Absent values are written as NULL in the text: a raw SQL parameter cannot be typeless.
            object?[] values = [Id(me), i + 1L, row.Kind, sqlite ? at.UtcTicks : at, Id(row.Conversation), row.MessageSeq, Id(row.Other), Id(row.Request), row.State];
            var given = values.Where(v => v is not null).ToArray();
            var next = 0;
            var placeholders = string.Join(", ", values.Select(v => v is null ? "NULL" : $"{{{next++}}}"));
            var sql = "INSERT INTO user_events (user_id, seq, kind, at, conversation_id, message_seq, other_user_id, request_id, state) VALUES (" + placeholders + ")";
            await db.Database.ExecuteSqlRawAsync(sql, given!, Ct);
        }

        await database.MigrateAsync(db);

        var store = new Realtime.EventLogStore(new PooledDbContextFactory<HutongDbContext>(database.Options), new WriterTurns());
        var read = (await store.ReadAsync(me, 0, 100, Ct)).Select(EventLog.Decode).ToList();
        var (c, o, r) = (chat.ToString(), other.ToString(), request.ToString());
        UserEvent[] expected =
        [
            new FriendRequestEvent(r, o, "pending"),
            new FriendsEvent(o, "added", r, c),
            new ConversationEvent(c, "joined"),
            new ReadPositionEvent(c, 7),
            new MessageDeletedEvent(c, 3),
            new SettingsEvent(c),
            new ProfileEvent(o),
            new GroupInvitationEvent(c, r, o),
            new RedPacketOpenedEvent(c, 9, o, 1),
            new RedPacketOpenedEvent(c, 9, o, 4),
            new RedPacketReturnedEvent(c, 9, 400),
        ];
        Assert.Equal(expected.Select((e, i) => e with { Seq = i + 1, At = at }), read);
    }

    [Theory, ProviderData]
    public async Task TypedMessageContent_TurnsEveryOldRowIntoItsKindsContent(StorageProvider provider)
    {
        await using var database = await StorageDatabase.CreateAsync(provider, migrate: false);
        await using var db = database.NewContext();
        var migrations = db.Database.GetMigrations().ToList();
        await db.GetService<IMigrator>().MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith("_TypedMessageContent", StringComparison.Ordinal)) - 1], cancellationToken: Ct);

        var sqlite = provider == StorageProvider.Sqlite;
        object Id(Guid id) => sqlite ? id.ToString().ToUpperInvariant() : id;
        // A list of ids as each provider kept it: a JSON array in SQLite, a uuid[] in PostgreSQL.
        object Ids(params Guid[] ids) => sqlite ? "[" + string.Join(',', ids.Select(i => $"\"{i.ToString().ToUpperInvariant()}\"")) + "]" : ids;
        var now = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        object At(DateTimeOffset at) => sqlite ? at.UtcTicks : at;
        var (me, lin, chat) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var (photo, clip, memo, menu, gone) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        foreach (var (person, handle) in new[] { (me, "me"), (lin, "lin") })
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO accounts (id, handle, display_name, password_hash, created_at) VALUES ({0}, {1}, {1}, 'x', {2})", [Id(person), handle, At(now)], Ct);
        }

        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO conversations (id, kind, created_at, dissolved, invite_approval) VALUES ({0}, 1, {1}, FALSE, FALSE)", [Id(chat), At(now)], Ct);
        // Each old kind with the columns it filled: (kind number, the columns beyond the common ones).
        var old = new (int Kind, Dictionary<string, object> Columns)[]
        {
            (1, new() { ["notice_type"] = "joined", ["notice_user_ids"] = Ids(lin) }),
            (0, new() { ["text"] = "你好 @Lin", ["mentions"] = Ids(lin), ["mentions_all"] = true }),
            (0, new() { ["text"] = "plain words" }),
            (2, new() { ["media_id"] = Id(photo), ["media_type"] = "image/png", ["media_size"] = 68L, ["file_name"] = "photo.png" }),
            (3, new() { ["media_id"] = Id(memo), ["media_type"] = "audio/ogg", ["media_size"] = 900L, ["duration_ms"] = 12_500 }),
            (4, new() { ["media_id"] = Id(clip), ["media_type"] = "video/mp4", ["media_size"] = 4_096L, ["file_name"] = "clip.mp4" }),
            (5, new() { ["media_id"] = Id(menu), ["media_type"] = "application/pdf", ["media_size"] = 2_048L, ["file_name"] = "menu.pdf" }),
            (6, new() { ["latitude"] = 39.9163, ["longitude"] = 116.3972, ["place_name"] = "故宫", ["place_address"] = "4 Jingshan Front St" }),
            (7, new() { ["card_user_id"] = Id(lin) }),
            (8, new() { ["money_ref"] = "t-1", ["money_amount"] = 1_250L, ["text"] = "for tea" }),
            (9, new() { ["money_ref"] = "p-1", ["text"] = "恭喜发财" }),
            (1, new() { ["notice_type"] = "recalled", ["notice_target_seq"] = 13L }),
            (1, new() { ["notice_type"] = "renamed", ["notice_text"] = "Tea house" }),
            // Recalled before: its text was blanked then, its upload stayed.
            (2, new() { ["media_id"] = Id(gone), ["media_type"] = "image/png", ["media_size"] = 68L, ["recalled_at"] = At(now) }),
        };
        for (var i = 0; i < old.Length; i++)
        {
            var columns = new Dictionary<string, object>
            {
                ["conversation_id"] = Id(chat), ["seq"] = i + 1L, ["sender_id"] = Id(me), ["kind"] = old[i].Kind, ["sent_at"] = At(now),
                ["mentions_all"] = false, ["client_msg_id"] = $"m{i}",
            };
            foreach (var (name, value) in old[i].Columns)
            {
                columns[name] = value;
            }

            var sql = $"INSERT INTO messages ({string.Join(", ", columns.Keys)}) VALUES ({string.Join(", ", columns.Keys.Select((_, n) => $"{{{n}}}"))})";
            await db.Database.ExecuteSqlRawAsync(sql, [.. columns.Values], Ct);
        }

        await database.MigrateAsync(db);

        var store = new Chat.MessageStore(new PooledDbContextFactory<HutongDbContext>(database.Options), new WriterTurns());
        var read = await store.ReadAsync(chat, me, 0, 0, null, 100, Ct);
        var (m, l) = (me.ToString(), lin.ToString());
        MessageContent?[] expected =
        [
            new NoticeContent(NoticeTypes.Joined, m, [l]),
            new TextContent("你好 @Lin", [l], MentionsAll: true),
            new TextContent("plain words"),
            new ImageContent(photo.ToString(), "image/png", 68, "photo.png"),
            new VoiceContent(memo.ToString(), 12_500, "audio/ogg", 900),
            new VideoContent(clip.ToString(), "video/mp4", 4_096, "clip.mp4"),
            new FileContent(menu.ToString(), "menu.pdf", "application/pdf", 2_048),
            new LocationContent(39.9163, 116.3972, "故宫", "4 Jingshan Front St"),
            new CardContent(l),
            new TransferContent("t-1", 1_250, "for tea"),
            new RedPacketContent("p-1", "恭喜发财"),
            new NoticeContent(NoticeTypes.Recalled, m, TargetSeq: 13),
            new NoticeContent(NoticeTypes.Renamed, m, Text: "Tea house"),
            null,
        ];
        // Records compare lists by reference: compare them as JSON, which is also how they are stored and sent.
        Assert.Equal(expected.Select(c => c is null ? null : MessageContentJson.EncodeToString(c)), read.Select(r => r.Content is null ? null : MessageContentJson.EncodeToString(r.Content)));
        Assert.Equal(Enumerable.Range(1, old.Length).Select(i => (long)i), read.Select(r => r.Seq));
        Assert.Equal((DateTimeOffset?)now, read[^1].RecalledAt);
        // What queries read beside the content: the kind by name (unread counts), the words (search), the upload (media access).
        var rows = await db.Messages.AsNoTracking().Where(r => r.ConversationId == chat).OrderBy(r => r.Seq).ToListAsync(Ct);
        Assert.Equal(
            [MessageKinds.System, MessageKinds.Text, MessageKinds.Text, MessageKinds.Image, MessageKinds.Voice, MessageKinds.Video, MessageKinds.File,
             MessageKinds.Location, MessageKinds.Card, MessageKinds.Transfer, MessageKinds.RedPacket, MessageKinds.System, MessageKinds.System, MessageKinds.Image],
            rows.Select(r => r.Kind));
        Assert.Equal([null, "你好 @Lin", "plain words", null, null, null, null, null, null, "for tea", "恭喜发财", null, null, null], rows.Select(r => r.Text));
        Assert.Equal([photo, memo, clip, menu, gone], rows.Where(r => r.MediaId is not null).Select(r => r.MediaId!.Value));
    }

    [Fact]
    public async Task Sqlite_RunsInWriteAheadLogMode()
    {
        await using var database = await StorageDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var db = database.NewContext();

        var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync(Ct);

        Assert.Equal("wal", Assert.Single(mode));
    }
}
