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

        var messages = await db.Messages.AsNoTracking().Where(m => m.ConversationId == chat).OrderBy(m => m.Seq).ToListAsync(Ct);
        Assert.Equal(
            [(fromA.ToString(), (string?)null), (null, fromA.ToString()), (fromC.ToString(), null), (null, fromC.ToString())],
            messages.Select(m => (m.MoneyRef, m.NoticeText)));
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

    [Fact]
    public async Task Sqlite_RunsInWriteAheadLogMode()
    {
        await using var database = await StorageDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var db = database.NewContext();

        var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync(Ct);

        Assert.Equal("wal", Assert.Single(mode));
    }
}
