using System.Collections.Concurrent;
using System.Diagnostics;
using Hutong.Client;
using Hutong.Contracts.Gateway;

namespace Hutong.Bench;

/// <summary>
/// Everyone drops at once and comes back at once. Pairs of people, each pair in its direct conversation, are
/// connected; every device loses its connection together, and while they are all away each person sends a few
/// messages to the pair's conversation over HTTP, so every device misses its partner's messages and its own. Then all
/// reconnect together through <see cref="HutongGateway"/>'s resume (the hello names the conversation and what the
/// device holds). A device is back once it has had <c>synced</c> and holds every message it missed, counted one by one;
/// the figure is the time from the reconnect until the last device is back.
/// </summary>
internal static class ResumeRun
{
    private const int Concurrency = 128;

    public static async Task<Outcome> RunAsync(Options options, CancellationToken cancellationToken)
    {
        var pairs = Math.Max(1, options.Clients / 2);
        var patience = options.Smoke ? TimeSpan.FromSeconds(30) : TimeSpan.FromMinutes(2);
        OpenFiles.Require(pairs * 2 + 1_000);
        var results = new List<ResumeResult>();
        await using (var relay = await Target.StartRelayAsync(cancellationToken))
        {
            // The relay stores nothing, so it has nothing to replay: its figure is the reconnect alone, the floor under any resume.
            using var sources = new LoopbackSources(relay.BaseAddress, pairs * 2);
            var gate = new Gate();
            var devices = Enumerable.Range(0, pairs * 2)
                .Select(i => new Device(new HutongClient(sources.Api) { Token = $"u{i}" }, $"pair{i / 2}", gate, sources))
                .ToList();
            results.Add(await RunAsync(relay, "raw relay (reconnect only)", devices, gate, _ => Task.CompletedTask, patience, cancellationToken));
        }

        await using (var hutong = await Target.StartHutongAsync(options.ServerDll, cancellationToken))
        {
            using var sources = new LoopbackSources(hutong.BaseAddress, pairs * 2);
            var gate = new Gate();
            var seeded = await Seeding.HutongPairAccountsAsync(hutong, sources.Api, pairs, cancellationToken);
            var devices = seeded
                .SelectMany(p => new[] { new Device(p.A.Client, p.ConversationId, gate, sources), new Device(p.B.Client, p.ConversationId, gate, sources) })
                .ToList();
            results.Add(await RunAsync(hutong, hutong.Name, devices, gate, ct => SendWhileAwayAsync(devices, options.Messages, ct), patience, cancellationToken));
        }

        // It worked when every device came back, synced, holding exactly what it missed.
        return new Outcome(ResumeResult.Markdown(results), results, results.All(r => r.Synced == r.Clients && r.Complete == r.Clients));
    }

    private static async Task<ResumeResult> RunAsync(
        Target target, string name, List<Device> devices, Gate gate, Func<CancellationToken, Task> whileAway, TimeSpan patience, CancellationToken cancellationToken)
    {
        try
        {
            await Parallel.ForEachAsync(devices, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken }, (d, ct) => new(d.ConnectAsync(ct)));

            gate.Close();
            foreach (var device in devices)
            {
                device.Drop();
            }

            await Task.WhenAll(devices.Select(d => d.Away)).WaitAsync(patience, cancellationToken);
            // Let the server notice every close before anything is sent, so nothing reaches a connection still thought open.
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            await whileAway(cancellationToken);

            var cpu = target.Sample().Cpu;
            var clock = Stopwatch.StartNew();
            foreach (var device in devices)
            {
                device.Return();
            }

            gate.Open();
            var back = Task.WhenAll(devices.Select(d => d.Back));
            try
            {
                await back.WaitAsync(patience, cancellationToken);
            }
            catch (TimeoutException)
            {
                Console.Error.WriteLine($"{name}: {devices.Count(d => !d.Back.IsCompleted):N0} of {devices.Count:N0} devices were not back after {patience.TotalSeconds:0} s.");
            }

            var seconds = clock.Elapsed.TotalSeconds;
            cpu = target.Sample().Cpu - cpu;
            var latencies = new Latencies();
            foreach (var device in devices.Where(d => d.Back.IsCompletedSuccessfully))
            {
                latencies.Add(await device.Back);
            }

            return new ResumeResult(
                "resume", name, devices.Count, devices.Max(d => d.Missed), devices.Count(d => d.Synced), devices.Count(d => d.HoldsAll),
                seconds, latencies.Summarize(), cpu.TotalSeconds, target.Sample().PeakRssBytes / 1048576.0);
        }
        finally
        {
            gate.Open();
            await Task.WhenAll(devices.Select(d => d.DisposeAsync().AsTask()));
        }
    }

    /// <summary>Each person sends <paramref name="messages"/> texts to the pair's conversation over HTTP; each device then expects up to the newest seq.</summary>
    private static async Task SendWhileAwayAsync(List<Device> devices, int messages, CancellationToken cancellationToken)
    {
        var newest = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(devices, new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = cancellationToken }, async (device, ct) =>
        {
            for (var m = 0; m < messages; m++)
            {
                var sent = await device.Api.SendTextAsync(device.ConversationId, "sent while you were away", ct);
                newest.AddOrUpdate(device.ConversationId, sent.Seq, (_, seq) => Math.Max(seq, sent.Seq));
            }
        });

        foreach (var device in devices)
        {
            device.Expect(newest[device.ConversationId]);
        }
    }

    /// <summary>Holds every reconnect until it opens: the network is down while it is closed.</summary>
    private sealed class Gate
    {
        private volatile TaskCompletionSource _open = Opened();

        public Task WaitAsync(CancellationToken cancellationToken) => _open.Task.WaitAsync(cancellationToken);

        public void Close() => _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Open() => _open.TrySetResult();

        private static TaskCompletionSource Opened()
        {
            var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            open.SetResult();
            return open;
        }
    }

    /// <summary>One person's device: its gateway, its conversation, and what it has received since it went away.</summary>
    private sealed class Device : IAsyncDisposable
    {
        private readonly HutongGateway _gateway;
        private readonly System.Threading.Channels.ChannelReader<MessageFrame> _messages;
        private readonly Lock _lock = new();
        private readonly TaskCompletionSource _away = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource<TimeSpan> _back = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly CancellationTokenSource _stop = new();
        private Task _reading = Task.CompletedTask;
        private Phase _phase = Phase.Connected;
        private long _heldAtDrop;
        private long _newest;
        private int _received;
        private long _returnedAt;

        public Device(HutongClient api, string conversationId, Gate gate, LoopbackSources sources)
        {
            Api = api;
            ConversationId = conversationId;
            _gateway = new HutongGateway(api, async (uri, ct) =>
            {
                await gate.WaitAsync(ct);
                return await sources.ConnectWebSocketAsync(uri, ct);
            });
            // The device holds the conversation from its start, so the hello names it.
            _gateway.Track(conversationId, 0);
            _messages = _gateway.Subscribe<MessageFrame>();
            _gateway.StateChanged += OnStateChanged;
        }

        private enum Phase
        {
            Connected,
            Away,
            Returning,
            Back,
        }

        public HutongClient Api { get; }

        public string ConversationId { get; }

        /// <summary>Completes once the device has lost its connection.</summary>
        public Task Away => _away.Task;

        /// <summary>Completes with the time from the reconnect until the device had synced and held every missed message.</summary>
        public Task<TimeSpan> Back => _back.Task;

        public int Missed => (int)(_newest - _heldAtDrop);

        public bool Synced { get; private set; }

        /// <summary>Received each missed message once, and holds the conversation up to its newest seq.</summary>
        public bool HoldsAll
        {
            get
            {
                lock (_lock)
                {
                    return _received == Missed && _gateway.Positions.GetValueOrDefault(ConversationId) == _newest;
                }
            }
        }

        public async Task ConnectAsync(CancellationToken cancellationToken)
        {
            await _gateway.ConnectAsync(cancellationToken: cancellationToken);
            _reading = ReadAsync(_stop.Token);
        }

        /// <summary>Drops the connection as a network failure would; the gateway retries, held at the closed gate.</summary>
        public void Drop()
        {
            lock (_lock)
            {
                _heldAtDrop = _newest = _gateway.Positions.GetValueOrDefault(ConversationId);
                _phase = Phase.Away;
            }

            _gateway.Interrupt();
        }

        public void Expect(long newest)
        {
            lock (_lock)
            {
                _newest = newest;
            }
        }

        public void Return()
        {
            lock (_lock)
            {
                _returnedAt = Stopwatch.GetTimestamp();
                _phase = Phase.Returning;
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _gateway.DisposeAsync();
            await _reading;
            _stop.Dispose();
        }

        private void OnStateChanged(GatewayState state)
        {
            lock (_lock)
            {
                if (state == GatewayState.Offline && _phase == Phase.Away)
                {
                    _away.TrySetResult();
                }
                else if (state == GatewayState.Online && _phase == Phase.Returning)
                {
                    Synced = true;
                    CheckBack();
                }
            }
        }

        private async Task ReadAsync(CancellationToken cancellationToken)
        {
            try
            {
                await foreach (var frame in _messages.ReadAllAsync(cancellationToken))
                {
                    if (frame is { Message: var message } && frame.ConversationId == ConversationId)
                    {
                        lock (_lock)
                        {
                            if (_phase != Phase.Connected && message.Seq > _heldAtDrop)
                            {
                                _received++;
                                CheckBack();
                            }
                        }
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        }

        /// <summary>Called under the lock.</summary>
        private void CheckBack()
        {
            if (_phase == Phase.Returning && Synced && _received >= Missed)
            {
                _phase = Phase.Back;
                _back.TrySetResult(Stopwatch.GetElapsedTime(_returnedAt));
            }
        }
    }
}
