using System.Diagnostics;
using System.Globalization;
using Hutong.Client;
using Hutong.Contracts.Accounts;
using Hutong.Contracts.Gateway;

namespace Hutong.Bench;

/// <summary>
/// Pairs of people chat 1:1, both sides sending, each with a window of messages in flight, for a fixed time. A message
/// carries its send time, so the receiver measures send-to-deliver; the ack gives send-to-ack.
/// </summary>
internal static class DirectScenario
{
    public static async Task<RunResult> RunAsync(Target target, bool hutong, int pairs, int window, TimeSpan duration, CancellationToken cancellationToken)
    {
        var people = hutong ? await SeedHutongAsync(target, pairs, cancellationToken) : SeedRelay(target, pairs);
        var gateways = new List<HutongGateway>();
        try
        {
            foreach (var batch in people.Chunk(64))
            {
                gateways.AddRange(await Task.WhenAll(batch.Select(async p =>
                {
                    var gateway = new HutongGateway(p.Client);
                    await gateway.ConnectAsync(cancellationToken: cancellationToken);
                    return gateway;
                })));
            }

            var acks = new Latencies();
            var deliveries = new Latencies();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var before = target.Sample();
            var clock = Stopwatch.StartNew();
            var receivers = people.Select((p, i) => ReceiveAsync(gateways[i], p.UserId, deliveries, stop.Token)).ToList();
            var senders = people.SelectMany((p, i) => Enumerable.Range(0, window).Select(_ => SendAsync(gateways[i], p.ConversationId, acks, stop.Token))).ToList();
            await Task.Delay(duration, cancellationToken);
            await stop.CancelAsync();
            var seconds = clock.Elapsed.TotalSeconds;
            var after = target.Sample();
            await Task.WhenAll(senders.Concat(receivers));
            return new RunResult(
                "direct", target.Name, people.Count, seconds, acks.Count / seconds, deliveries.Count / seconds,
                acks.Summarize(), deliveries.Summarize(), (after.Cpu - before.Cpu).TotalSeconds, after.PeakRssBytes / 1048576.0);
        }
        finally
        {
            foreach (var gateway in gateways)
            {
                await gateway.DisposeAsync();
            }
        }
    }

    private static async Task SendAsync(HutongGateway gateway, string conversationId, Latencies acks, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await gateway.SendTextAsync(conversationId, started.ToString(CultureInfo.InvariantCulture) + " the quick brown fox jumps", cancellationToken: stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            acks.Add(Stopwatch.GetElapsedTime(started));
        }
    }

    private static async Task ReceiveAsync(HutongGateway gateway, string me, Latencies deliveries, CancellationToken stop)
    {
        try
        {
            await foreach (var frame in gateway.Events.ReadAllAsync(stop))
            {
                // The echo of one's own message is not a delivery to someone else.
                if (frame is { Kind: EventKinds.Message, Message: { } message } && message.SenderId != me
                    && long.TryParse(message.Text.AsSpan(0, message.Text!.IndexOf(' ', StringComparison.Ordinal)), CultureInfo.InvariantCulture, out var sent))
                {
                    deliveries.Add(Stopwatch.GetElapsedTime(sent));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Two people per pair, friends, with their direct conversation, through the public API.</summary>
    private static async Task<List<Person>> SeedHutongAsync(Target target, int pairs, CancellationToken cancellationToken)
    {
        var people = new List<Person>();
        var run = Guid.NewGuid().ToString("N")[..6];
        foreach (var batch in Enumerable.Range(0, pairs).Chunk(32))
        {
            var seeded = await Task.WhenAll(batch.Select(async i =>
            {
                var a = await SignUpAsync(target, $"b{run}a{i}", cancellationToken);
                var b = await SignUpAsync(target, $"b{run}b{i}", cancellationToken);
                var request = await a.Client.SendFriendRequestAsync(b.UserId, null, cancellationToken);
                await b.Client.AcceptFriendRequestAsync(request.RequestId, cancellationToken);
                var conversation = (await a.Client.OpenDirectAsync(b.UserId, cancellationToken)).ConversationId;
                return new[] { a with { ConversationId = conversation }, b with { ConversationId = conversation } };
            }));
            people.AddRange(seeded.SelectMany(p => p));
        }

        return people;
    }

    private static async Task<Person> SignUpAsync(Target target, string handle, CancellationToken cancellationToken)
    {
        var client = new HutongClient(new HttpClient { BaseAddress = target.BaseAddress });
        var account = await client.SignUpAsync(new SignUpRequest(handle, "bench-password-1", handle), cancellationToken);
        await client.LoginAsync(new LoginRequest(handle, "bench-password-1", "bench"), cancellationToken);
        return new Person(client, account.UserId, string.Empty);
    }

    /// <summary>The relay needs no accounts: a token is a user id, and a conversation id names its two people.</summary>
    private static List<Person> SeedRelay(Target target, int pairs) =>
        Enumerable.Range(0, pairs).SelectMany(i =>
        {
            var (a, b) = ($"a{i}", $"b{i}");
            return new[] { Relayed(target, a, $"{a}:{b}"), Relayed(target, b, $"{a}:{b}") };
        }).ToList();

    private static Person Relayed(Target target, string user, string conversationId) =>
        new(new HutongClient(new HttpClient { BaseAddress = target.BaseAddress }) { Token = user }, user, conversationId);

    private sealed record Person(HutongClient Client, string UserId, string ConversationId);
}
