using System.Collections.Concurrent;
using Hutong.Contracts.Events;
using Hutong.Realtime;
using Hutong.Realtime.Log;
using Hutong.Server.Hosting;
using Hutong.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hutong.Chat.Tests;

/// <summary>
/// An event told to many people at once (a group's change, a new profile photo): one write for all of them, and each
/// person's log still gap-free and in order when that write fails or its node never says how it ended.
/// </summary>
public sealed class EventLogBulkTests
{
    private const int People = 500;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task AnEventForFiveHundredPeople_IsOneWrite_AndFollowsWhatEachLogHeld(StorageProvider provider)
    {
        RecordingLogStore? store = null;
        await using var app = await HutongApp.StartAsync(provider, services: s => s.Decorate<IEventLogStore>(inner => store = new RecordingLogStore(inner)), cancellationToken: Ct);
        var events = app.Services.GetRequiredService<EventLog>();
        var people = Enumerable.Range(0, People).Select(_ => Guid.NewGuid()).ToArray();
        // Some logs already hold entries, so the event's place differs between people.
        foreach (var held in people.Take(20))
        {
            await events.AppendAsync(held, new SettingsEvent("before"));
        }

        await events.AppendToEachAsync(people, new ProfileEvent("everyone"));

        var writes = store!.Writes.Where(w => w.Any(e => e.Kind == UserEventKinds.Profile)).ToList();
        var write = Assert.Single(writes);
        Assert.Equal(people.Order(), write.Select(e => e.UserId).Order());
        foreach (var person in people)
        {
            var log = await store.ReadAsync(person, 0, 10, Ct);
            var expected = people.Take(20).Contains(person) ? [UserEventKinds.Settings, UserEventKinds.Profile] : new[] { UserEventKinds.Profile };
            Assert.Equal(expected, log.Select(e => e.Kind));
            Assert.Equal(Enumerable.Range(1, expected.Length).Select(i => (long)i), log.Select(e => e.Seq));
        }
    }

    [Fact]
    public async Task WhenTheOneWriteFails_EachPersonWritesTheirOwn_AndLaterEventsFollowIt()
    {
        RecordingLogStore? store = null;
        await using var app = await HutongApp.StartAsync(StorageProvider.Sqlite, services: s => s.Decorate<IEventLogStore>(inner => store = new RecordingLogStore(inner)), cancellationToken: Ct);
        var events = app.Services.GetRequiredService<EventLog>();
        var people = Enumerable.Range(0, 50).Select(_ => Guid.NewGuid()).ToArray();
        store!.FailWritesOfMoreThanOnePerson = true;

        await events.AppendToEachAsync(people, new ProfileEvent("everyone"));
        store.FailWritesOfMoreThanOnePerson = false;
        await events.AppendToEachAsync(people, new ProfileEvent("and again"));

        Assert.InRange(store.Refused, 1, int.MaxValue);
        foreach (var person in people)
        {
            var log = await store.ReadAsync(person, 0, 10, Ct);
            Assert.Equal([(1L, "everyone"), (2L, "and again")], log.Select(e => (e.Seq, ProfileOf(e))));
        }
    }

    [Fact]
    public async Task APersonWhoseGrainHoldsAReservation_GetsTheEventByAPlainAppend_AfterTheReservedOne()
    {
        RecordingLogStore? store = null;
        await using var app = await HutongApp.StartAsync(StorageProvider.Sqlite, services: s => s.Decorate<IEventLogStore>(inner => store = new RecordingLogStore(inner)), cancellationToken: Ct);
        var events = app.Services.GetRequiredService<EventLog>();
        var (busy, free) = (Guid.NewGuid(), Guid.NewGuid());
        var grain = app.Services.GetRequiredService<IGrainFactory>().GetGrain<IUserGrain>(busy);
        var place = await grain.ReserveAsync(EventLog.Encode(new SettingsEvent("reserved first")));

        var telling = events.AppendToEachAsync([busy, free], new ProfileEvent("everyone"));
        // The one write carried only the person whose grain was free; the other's append waits behind the reservation.
        var freeLog = await Eventually.ValueAsync(ct => store!.ReadAsync(free, 0, 10, ct), log => log.Count > 0, "the free person's entry");
        await grain.SettleAsync(place!.Seq, written: false);
        await telling.WaitAsync(Eventually.Patience, Ct);

        var bulk = Assert.Single(store!.Writes, w => w.Any(e => e.UserId == free));
        Assert.Equal([free], bulk.Select(e => e.UserId));
        Assert.Equal([(1L, UserEventKinds.Profile)], freeLog.Select(e => (e.Seq, e.Kind)));
        var busyLog = await store.ReadAsync(busy, 0, 10, Ct);
        Assert.Equal([(1L, UserEventKinds.Settings), (2L, UserEventKinds.Profile)], busyLog.Select(e => (e.Seq, e.Kind)));
    }

    [Fact]
    public async Task AReservationNobodySettles_IsWrittenByItsPerson_AtTheDeadline_AndHeldWhatCameAfterIt()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        await using var app = await HutongApp.StartAsync(StorageProvider.Sqlite, clock: clock, cancellationToken: Ct);
        var events = app.Services.GetRequiredService<EventLog>();
        var store = app.Services.GetRequiredService<IEventLogStore>();
        var (person, other) = (Guid.NewGuid(), Guid.NewGuid());
        var grain = app.Services.GetRequiredService<IGrainFactory>().GetGrain<IUserGrain>(person);

        // A node reserved a place for the person's event, then died before it wrote anything.
        var place = await grain.ReserveAsync(EventLog.Encode(new ProfileEvent("reserved")));
        var second = await grain.ReserveAsync(EventLog.Encode(new ProfileEvent("refused")));
        var behind = events.AppendAsync(person, new SettingsEvent("behind"));
        // The writer takes appends in order: once another person's later one is durable, this one would have been too.
        await events.AppendAsync(other, new SettingsEvent("later"));
        var heldMeanwhile = await store.ReadAsync(person, 0, 10, Ct);
        clock.Advance(Reserved.SettleWithin);
        var behindSeq = await behind.WaitAsync(Eventually.Patience, Ct);

        Assert.Equal(1, place!.Seq);
        Assert.Null(second);
        Assert.Empty(heldMeanwhile);
        Assert.Equal(2, behindSeq);
        var log = await store.ReadAsync(person, 0, 10, Ct);
        Assert.Equal([(1L, UserEventKinds.Profile), (2L, UserEventKinds.Settings)], log.Select(e => (e.Seq, e.Kind)));
    }

    [Fact]
    public async Task AReservationSettledAsUnwritten_ThatItsWriterWroteAfterAll_CountsAsWritten()
    {
        await using var app = await HutongApp.StartAsync(StorageProvider.Sqlite, cancellationToken: Ct);
        var events = app.Services.GetRequiredService<EventLog>();
        var store = app.Services.GetRequiredService<IEventLogStore>();
        var person = Guid.NewGuid();
        var grain = app.Services.GetRequiredService<IGrainFactory>().GetGrain<IUserGrain>(person);
        var data = EventLog.Encode(new ProfileEvent("late"));

        // The writer stalled past the deadline, so the person was told to write it, and then the stalled write landed.
        var place = await grain.ReserveAsync(data);
        await store.AppendAsync([new StoredEvent(person, place!.Seq, data.Kind, place.At, data.Payload)], Ct);
        await grain.SettleAsync(place.Seq, written: false);
        var next = await events.AppendAsync(person, new SettingsEvent("next"));

        Assert.Equal(2, next);
        var log = await store.ReadAsync(person, 0, 10, Ct);
        Assert.Equal([(1L, UserEventKinds.Profile), (2L, UserEventKinds.Settings)], log.Select(e => (e.Seq, e.Kind)));
    }

    private static string ProfileOf(StoredEvent entry) => ((ProfileEvent)EventLog.Decode(entry)).UserId;

    /// <summary>The node's event log store, writing down each write; and failing those for several people while told to.</summary>
    private sealed class RecordingLogStore(IEventLogStore inner) : IEventLogStore
    {
        private readonly ConcurrentQueue<IReadOnlyList<StoredEvent>> _writes = new();
        private int _refused;

        public IReadOnlyList<IReadOnlyList<StoredEvent>> Writes => [.. _writes];

        public volatile bool FailWritesOfMoreThanOnePerson;

        public int Refused => Volatile.Read(ref _refused);

        public Task AppendAsync(IReadOnlyList<StoredEvent> entries, CancellationToken cancellationToken)
        {
            if (FailWritesOfMoreThanOnePerson && entries.Select(e => e.UserId).Distinct().Skip(1).Any())
            {
                Interlocked.Increment(ref _refused);
                throw new InvalidOperationException("The database went away.");
            }

            _writes.Enqueue(entries);
            return inner.AppendAsync(entries, cancellationToken);
        }

        public Task<long> GetLastSeqAsync(Guid userId, CancellationToken cancellationToken) => inner.GetLastSeqAsync(userId, cancellationToken);

        public Task<IReadOnlyList<StoredEvent>> ReadAsync(Guid userId, long afterSeq, int limit, CancellationToken cancellationToken) =>
            inner.ReadAsync(userId, afterSeq, limit, cancellationToken);
    }
}
