using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Hutong.Client;
using Hutong.Contracts.Chat;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.Gateway;

namespace Hutong.Bench.Cluster;

/// <summary>
/// A node lost under load. Pairs of people chat through the balancer, every device sending on a schedule (one message
/// in flight, a fresh client id each) while it reads what its partner sends; after a warm-up one node gets a signal
/// (KILL, or TERM as a service manager stops it). Each device notes when it lost its connection and when the gateway
/// welcomed it again, and when its sends were acknowledged again; the run waits until every device is back and
/// sending. Then each conversation is read back through the API: every acknowledged message must be there once, at the
/// seq its ack named, each sender's messages in the order sent, with no gap in the seqs.
/// </summary>
internal static class Failover
{
    /// <summary>Losses show within this of the signal (a killed node's sockets close at once, a stopping node says 1012).</summary>
    private static readonly TimeSpan Observe = TimeSpan.FromSeconds(2);

    public static async Task<FailoverResult> RunAsync(LocalCluster cluster, ClusterNode victim, string signal, Options options, CancellationToken cancellationToken)
    {
        var pairs = Math.Max(1, options.Clients / 2);
        // Two messages a second per device unless --rate says otherwise: the cluster has room to spare, so what is
        // measured is the failover, not a queue.
        var rate = options.Rate > 0 ? options.Rate : pairs * 2 * 2.0;
        var patience = options.Smoke ? TimeSpan.FromSeconds(45) : TimeSpan.FromSeconds(90);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
        {
            BaseAddress = cluster.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var seeded = await Seeding.HutongPairAccountsAsync(cluster, http, pairs, cancellationToken);
        var devices = seeded
            .SelectMany((p, i) => new[] { new Device(p.A.Client, p.A.UserId, p.ConversationId, 2 * i), new Device(p.B.Client, p.B.UserId, p.ConversationId, (2 * i) + 1) })
            .ToList();
        var cpuBefore = cluster.Sample().Cpu;
        long signalled;
        TimeSpan? exited;
        bool recovered;
        try
        {
            await Parallel.ForEachAsync(devices, new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = cancellationToken }, async (d, ct) => await d.ConnectAsync(ct));
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var interval = TimeSpan.FromSeconds(devices.Count / rate);
            var senders = devices.Select((d, i) => d.SendAsync(interval, interval * i / devices.Count, stop.Token)).ToList();
            await Task.Delay(options.Warmup, cancellationToken);

            signalled = Stopwatch.GetTimestamp();
            foreach (var device in devices)
            {
                device.Signalled(signalled);
            }

            var pid = await LocalCluster.SignalAsync(victim, signal);
            var gone = WaitExitAsync(pid, signalled, patience, cancellationToken);
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < patience && (clock.Elapsed < Observe || !devices.All(d => d.Recovered)))
            {
                await Task.Delay(50, cancellationToken);
            }

            recovered = devices.All(d => d.Recovered);
            if (!recovered)
            {
                Console.Error.WriteLine($"{signal}: {devices.Count(d => !d.Recovered)} of {devices.Count} devices had not recovered after {patience.TotalSeconds:0} s.");
            }

            // A while of steady chat after, so anything the loss left behind (a resend, a duplicate) would show.
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            await stop.CancelAsync();
            await Task.WhenAll(senders);
            exited = await gone;
            // Closing the gateways is no loss of the node's doing.
            foreach (var device in devices)
            {
                device.Finish();
            }
        }
        finally
        {
            await Task.WhenAll(devices.Select(d => d.DisposeAsync().AsTask()));
        }

        var cpu = cluster.Sample().Cpu - cpuBefore;
        var (check, stored) = await VerifyAsync(seeded, devices, cancellationToken);
        var (resent, wrong) = await ResendRefusedAsync(devices, stored, cancellationToken);
        check = check with { Resent = resent, WrongResends = wrong };
        var lost = devices.Where(d => d.LostAt is not null).ToList();
        var back = new Latencies();
        foreach (var device in lost.Where(d => d.BackAt is not null))
        {
            back.Add(Stopwatch.GetElapsedTime(signalled, device.BackAt!.Value));
        }

        var resumed = new Latencies();
        foreach (var device in devices.Where(d => d.ResumedAt is not null))
        {
            resumed.Add(Stopwatch.GetElapsedTime(signalled, device.ResumedAt!.Value));
        }

        var errors = devices.SelectMany(d => d.Errors).GroupBy(e => e.Code).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new FailoverResult(
            signal, cluster.Nodes.Count, devices.Count, rate, lost.Count, lost.Count(d => d.BackAt is not null), devices.Sum(d => d.Reconnects),
            back.Summarize(), devices.Count(d => d.ResumedAt is { } at && Stopwatch.GetElapsedTime(signalled, at) > TimeSpan.FromSeconds(1)),
            resumed.Summarize(), errors, exited?.TotalSeconds, recovered, check, cpu.TotalSeconds);
    }

    /// <summary>The time from the signal until the process was gone, or null if it outlived the patience.</summary>
    private static async Task<TimeSpan?> WaitExitAsync(int pid, long signalled, TimeSpan patience, CancellationToken cancellationToken)
    {
        while (ProcessCpu.IsRunning(pid))
        {
            if (Stopwatch.GetElapsedTime(signalled) > patience)
            {
                return null;
            }

            await Task.Delay(20, cancellationToken);
        }

        return Stopwatch.GetElapsedTime(signalled);
    }

    /// <summary>Reads every conversation back and checks each acknowledged message against what storage holds.</summary>
    private static async Task<(StorageCheck Check, Dictionary<string, Dictionary<string, long>> Stored)> VerifyAsync(
        List<(Seeding.Account A, Seeding.Account B, string ConversationId)> pairs, List<Device> devices, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<string, List<MessageInfo>>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(pairs, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (pair, ct) =>
        {
            var messages = new List<MessageInfo>();
            long after = 0;
            while (true)
            {
                var page = await pair.A.Client.GetMessagesAsync(pair.ConversationId, afterSeq: after, limit: 100, cancellationToken: ct);
                if (page.Messages.Count == 0)
                {
                    break;
                }

                messages.AddRange(page.Messages);
                after = page.Messages[^1].Seq;
            }

            lock (stored)
            {
                stored[pair.ConversationId] = messages;
            }
        });

        int acked = 0, missing = 0, misplaced = 0, duplicated = 0, gaps = 0, disordered = 0, refusedButStored = 0, refusedStoredLate = 0, unackedStored = 0;
        var findings = new List<string>();
        void Note(string finding)
        {
            if (findings.Count < 50)
            {
                findings.Add(finding);
            }
        }

        foreach (var (conversationId, messages) in stored)
        {
            foreach (var (m, i) in messages.Select((m, i) => (m, i)).Where(x => x.m.Seq != x.i + 1).Take(3))
            {
                Note($"{conversationId}: message {i + 1} has seq {m.Seq}");
            }

            foreach (var twice in messages.Where(m => m.ClientMsgId is not null).GroupBy(m => m.ClientMsgId).Where(g => g.Count() > 1))
            {
                Note($"{conversationId}: {twice.Key} stored at seqs {string.Join(", ", twice.Select(m => m.Seq))}");
            }

            gaps += messages.Select((m, i) => m.Seq != i + 1).Count(g => g);
            duplicated += messages.Where(m => m.ClientMsgId is not null).GroupBy(m => m.ClientMsgId).Sum(g => g.Count() - 1);
            var bySeq = messages.ToDictionary(m => m.Seq);
            var byId = messages.Where(m => m.ClientMsgId is not null).GroupBy(m => m.ClientMsgId!).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            foreach (var device in devices.Where(d => d.ConversationId == conversationId))
            {
                foreach (var sent in device.Acked)
                {
                    acked++;
                    if (!byId.TryGetValue(sent.ClientMsgId, out var found))
                    {
                        missing++;
                        Note($"{conversationId}: {sent.ClientMsgId}, acked with seq {sent.Seq}, is not stored");
                    }
                    else if (!bySeq.TryGetValue(sent.Seq, out var atSeq) || atSeq.ClientMsgId != sent.ClientMsgId)
                    {
                        misplaced++;
                        Note($"{conversationId}: {sent.ClientMsgId}, acked with seq {sent.Seq}, is stored at seq {found.Seq}");
                    }
                }

                refusedButStored += device.Errors.Count(e => byId.ContainsKey(e.ClientMsgId));
                var answered = device.Acked.Select(s => s.ClientMsgId).Concat(device.Errors.Select(e => e.ClientMsgId)).ToHashSet(StringComparer.Ordinal);
                unackedStored += device.Issued.Count(id => !answered.Contains(id) && byId.ContainsKey(id));
                // What the device was told was kept is in the order it sent it (each send waited for the last answer).
                foreach (var (before, after) in device.Acked.Zip(device.Acked.Skip(1)).Where(p => p.Second.Seq <= p.First.Seq))
                {
                    disordered++;
                    Note($"{conversationId}: {before.ClientMsgId} acked with seq {before.Seq}, then {after.ClientMsgId}, sent after it, with seq {after.Seq}");
                }

                // A refused message stored all the same may sit after messages sent after it (the device had moved on).
                var own = messages.Where(m => m.SenderId == device.UserId && m.Content is TextContent).ToList();
                foreach (var (before, after) in own.Zip(own.Skip(1)))
                {
                    if (Device.Counter(((TextContent)after.Content!).Text) <= Device.Counter(((TextContent)before.Content!).Text))
                    {
                        refusedStoredLate++;
                        Note($"{conversationId}: {device.Describe(before)} before {device.Describe(after)}");
                    }
                }
            }
        }

        var index = stored.ToDictionary(
            c => c.Key,
            c => c.Value.Where(m => m.ClientMsgId is not null).GroupBy(m => m.ClientMsgId!).ToDictionary(g => g.Key, g => g.First().Seq, StringComparer.Ordinal),
            StringComparer.Ordinal);
        return (new StorageCheck(acked, stored.Values.Sum(m => m.Count), missing, misplaced, duplicated, gaps, disordered, refusedButStored, refusedStoredLate, unackedStored, 0, 0, findings), index);
    }

    /// <summary>
    /// Sends every refused message again with its client id, over HTTP, as the web client's Retry does. One that was
    /// stored after all must be answered with its seq; one that was not must be stored now, once. Returns how many
    /// resends were answered otherwise.
    /// </summary>
    private static async Task<(int Resent, int Wrong)> ResendRefusedAsync(List<Device> devices, Dictionary<string, Dictionary<string, long>> stored, CancellationToken cancellationToken)
    {
        var (resent, wrong) = (0, 0);
        foreach (var device in devices)
        {
            foreach (var (id, _, text) in device.Errors)
            {
                var answer = await device.Client.SendMessageAsync(device.ConversationId, new SendMessageRequest(id, new TextContent(text)), cancellationToken);
                resent++;
                if (stored[device.ConversationId].TryGetValue(id, out var seq))
                {
                    wrong += answer.Seq == seq ? 0 : 1;
                    continue;
                }

                var again = await device.Client.SendMessageAsync(device.ConversationId, new SendMessageRequest(id, new TextContent(text)), cancellationToken);
                var at = await device.Client.GetMessagesAsync(device.ConversationId, afterSeq: answer.Seq - 1, limit: 1, cancellationToken: cancellationToken);
                wrong += again.Seq == answer.Seq && at.Messages is [{ } message] && message.Seq == answer.Seq && message.ClientMsgId == id ? 0 : 1;
            }
        }

        return (resent, wrong);
    }

    /// <summary>One person's device: its gateway through the balancer, its sends and what happened to its connection.</summary>
    private sealed class Device : IAsyncDisposable
    {
        private readonly HutongGateway _gateway;
        private readonly ChannelReader<MessageFrame> _messages;
        private readonly Lock _lock = new();
        private readonly int _index;
        private Task _reading = Task.CompletedTask;
        private long _signalled;
        private long? _lostAt;
        private long? _backAt;
        private long? _resumedAt;
        private int _reconnects;
        private bool _finished;

        public Device(HutongClient client, string userId, string conversationId, int index)
        {
            Client = client;
            UserId = userId;
            ConversationId = conversationId;
            _index = index;
            _gateway = new HutongGateway(client);
            _gateway.Track(conversationId, 0);
            _messages = _gateway.Subscribe<MessageFrame>();
            _gateway.StateChanged += OnStateChanged;
        }

        public HutongClient Client { get; }

        public string UserId { get; }

        public string ConversationId { get; }

        public List<Sent> Acked { get; } = [];

        public List<(string ClientMsgId, string Code, string Text)> Errors { get; } = [];

        /// <summary>Every client id this device sent, answered or not.</summary>
        public List<string> Issued { get; } = [];

        public long? LostAt
        {
            get
            {
                lock (_lock)
                {
                    return _lostAt;
                }
            }
        }

        public long? BackAt
        {
            get
            {
                lock (_lock)
                {
                    return _backAt;
                }
            }
        }

        /// <summary>The first ack after the signal, and after the device was back if it lost its connection.</summary>
        public long? ResumedAt
        {
            get
            {
                lock (_lock)
                {
                    return _resumedAt;
                }
            }
        }

        /// <summary>Welcomed again this many times after the signal (more than once: it was sent away again).</summary>
        public int Reconnects
        {
            get
            {
                lock (_lock)
                {
                    return _reconnects;
                }
            }
        }

        public bool Recovered
        {
            get
            {
                lock (_lock)
                {
                    return _resumedAt is not null && (_lostAt is null || _backAt is not null) && _gateway.State == GatewayState.Online;
                }
            }
        }

        /// <summary>A stored message of this device, with what the device was told of it: for a finding.</summary>
        public string Describe(MessageInfo message)
        {
            var id = message.ClientMsgId ?? "";
            var told = Acked.Find(s => s.ClientMsgId == id) is { } ack ? $"acked with seq {ack.Seq}"
                : Errors.Find(e => e.ClientMsgId == id) is { Code: { } code } ? $"refused with {code}"
                : "unanswered";
            return string.Create(CultureInfo.InvariantCulture, $"#{Counter(((TextContent)message.Content!).Text)} (seq {message.Seq}, sent at {message.SentAt:HH:mm:ss.ffffff}, {told}, {id})");
        }

        /// <summary>The counter a text of this bench starts with.</summary>
        public static long Counter(string text) => long.Parse(text.AsSpan(text.IndexOf(':', StringComparison.Ordinal) + 1, text.IndexOf(' ', StringComparison.Ordinal) - text.IndexOf(':', StringComparison.Ordinal) - 1), CultureInfo.InvariantCulture);

        public async Task ConnectAsync(CancellationToken cancellationToken)
        {
            await _gateway.ConnectAsync(cancellationToken: cancellationToken);
            _reading = DrainAsync();
        }

        public void Signalled(long at)
        {
            lock (_lock)
            {
                _signalled = at;
            }
        }

        public void Finish()
        {
            lock (_lock)
            {
                _finished = true;
            }
        }

        /// <summary>Sends on a schedule, each message after the last was answered; a refusal is noted and the next one goes.</summary>
        public async Task SendAsync(TimeSpan interval, TimeSpan offset, CancellationToken stop)
        {
            var step = (long)(interval.TotalSeconds * Stopwatch.Frequency);
            var due = Stopwatch.GetTimestamp() + (long)(offset.TotalSeconds * Stopwatch.Frequency);
            for (var n = 1L; !stop.IsCancellationRequested; n++)
            {
                if (Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due) is { Ticks: > 0 } wait)
                {
                    try
                    {
                        await Task.Delay(wait, stop);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }

                due += step;
                var id = ClientMsgIds.New();
                lock (_lock)
                {
                    Issued.Add(id);
                }

                var text = string.Create(CultureInfo.InvariantCulture, $"{_index}:{n} the quick brown fox");
                try
                {
                    var ack = await _gateway.SendTextAsync(ConversationId, text, id, stop);
                    var at = Stopwatch.GetTimestamp();
                    lock (_lock)
                    {
                        Acked.Add(new Sent(id, ack.Seq));
                        if (_signalled != 0 && _resumedAt is null && at > _signalled && (_lostAt is null || _backAt is not null))
                        {
                            _resumedAt = at;
                        }
                    }
                }
                catch (HutongApiException e)
                {
                    lock (_lock)
                    {
                        Errors.Add((id, e.Code ?? e.Status.ToString(CultureInfo.InvariantCulture), text));
                    }
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _gateway.DisposeAsync();
            await _reading;
        }

        private void OnStateChanged(GatewayState state)
        {
            var now = Stopwatch.GetTimestamp();
            lock (_lock)
            {
                if (_signalled == 0 || _finished)
                {
                    return;
                }

                if (state != GatewayState.Online && _lostAt is null)
                {
                    // Lost after the signal: whatever it acked before no longer counts as resumed.
                    _lostAt = now;
                    _resumedAt = null;
                }
                else if (state == GatewayState.Online && _lostAt is not null)
                {
                    _backAt ??= now;
                    _reconnects++;
                }
            }
        }

        /// <summary>Reads what the partner sends, so the gateway's queue never holds up the connection.</summary>
        private async Task DrainAsync()
        {
            await foreach (var _ in _messages.ReadAllAsync())
            {
            }
        }
    }

    internal sealed record Sent(string ClientMsgId, long Seq);
}
