using System.Net;
using System.Threading.Channels;
using Hutong.Core.Outbound;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using static Hutong.Core.Tests.Outbound.OutboundTesting;

namespace Hutong.Core.Tests.Outbound;

/// <summary>Per-try timeouts, which failures are tried again, and the backoff between tries on the TimeProvider.</summary>
public sealed class OutboundRetryTests
{
    [Fact]
    public async Task SendAsync_ServerSilentPastTheTryTimeout_TimesOutAfterEveryTry()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync((_, _) => release.Task);
        using var client = Allowing(server);
        var policy = Quick with { TryTimeout = TimeSpan.FromMilliseconds(300), Tries = 3 };
        try
        {
            var result = await client.GetAsync(server.At("/slow"), policy);

            Assert.Equal(OutboundFailure.Timeout, result.Failure);
            Assert.Equal(3, result.Tries);
            // The first try reaches the server; on a loaded machine a later try's 300 ms can run out while its connection
            // is still being made, so the server may see fewer than three, and never more.
            await server.WhenReached(1).WaitAsync(Patience, Ct);
            Assert.InRange(server.Requests, 1, 3);
        }
        finally
        {
            release.TrySetResult();
        }
    }

    [Fact]
    public async Task SendAsync_ServiceUnavailableTwice_SucceedsOnTheThirdTry()
    {
        await using var server = await LoopbackServer.StartAsync((context, number) =>
        {
            context.Response.StatusCode = number <= 2 ? 503 : 200;
            return context.Response.WriteAsync(number <= 2 ? "busy" : "ok", context.RequestAborted);
        });
        using var client = Allowing(server);

        var result = await client.GetAsync(server.At("/hook"));

        Assert.True(result.Succeeded);
        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal("ok", result.ReadText());
        Assert.Equal(3, result.Tries);
        Assert.Equal(3, server.Requests);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(410)]
    public async Task SendAsync_ClientError_IsNotTriedAgain(int status)
    {
        await using var server = await LoopbackServer.AnsweringAsync(status, "no such hook");
        using var client = Allowing(server);

        var result = await client.GetAsync(server.At("/hook"));

        Assert.Equal(OutboundFailure.HttpError, result.Failure);
        Assert.Equal((HttpStatusCode)status, result.Status);
        Assert.Equal("no such hook", result.ReadText());
        Assert.Equal(1, result.Tries);
        Assert.Equal(1, server.Requests);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    public async Task SendAsync_TooManyRequestsOrServerError_IsTriedEveryTime(int status)
    {
        await using var server = await LoopbackServer.AnsweringAsync(status);
        using var client = Allowing(server);

        var result = await client.GetAsync(server.At("/hook"), Quick with { Tries = 3 });

        Assert.Equal(OutboundFailure.HttpError, result.Failure);
        Assert.Equal((HttpStatusCode)status, result.Status);
        Assert.Equal(3, result.Tries);
        Assert.Equal(3, server.Requests);
    }

    [Fact]
    public async Task SendAsync_RetryOnNone_TriesOnce()
    {
        await using var server = await LoopbackServer.AnsweringAsync(503);
        using var client = Allowing(server);

        var result = await client.GetAsync(server.At("/hook"), Quick with { RetryOn = OutboundRetry.None });

        Assert.Equal(1, result.Tries);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task SendAsync_NothingListening_IsUnreachableAfterEveryTry()
    {
        var closed = ClosedPort();
        using var client = Client(new OutboundOptions { AlsoAllowed = [closed] });

        var result = await client.GetAsync(new Uri($"http://{closed}/hook"));

        Assert.Equal(OutboundFailure.Unreachable, result.Failure);
        Assert.Equal(3, result.Tries);
    }

    [Fact]
    public async Task SendAsync_CallerCancels_Throws()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync((_, _) => release.Task);
        using var client = Allowing(server);
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        try
        {
            var call = client.SendAsync(OutboundRequest.Get(server.At("/hook")), Quick, caller.Token);
            await server.WhenReached(1).WaitAsync(Patience, Ct);
            await caller.CancelAsync();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(Patience, Ct));
            Assert.Equal(1, server.Requests);
        }
        finally
        {
            release.TrySetResult();
        }
    }

    [Fact]
    public async Task SendAsync_Backoff_WaitsOnTheTimeProvider()
    {
        await using var server = await LoopbackServer.StartAsync((context, number) =>
        {
            context.Response.StatusCode = number == 1 ? 503 : 200;
            return Task.CompletedTask;
        });
        var time = new WatchedTime();
        using var client = Client(new OutboundOptions { AlsoAllowed = [server.Endpoint] }, time);
        var policy = new OutboundPolicy { TryTimeout = TimeSpan.FromMinutes(1), Tries = 2, BackoffBase = TimeSpan.FromMilliseconds(200) };

        var call = client.SendAsync(OutboundRequest.Get(server.At("/hook")), policy, Ct);
        var backoff = await time.NextTimerAsync(due => due != policy.TryTimeout);
        Assert.InRange(backoff, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200));
        time.Advance(backoff - TimeSpan.FromMilliseconds(1));
        var early = await Task.WhenAny(server.WhenReached(2), Task.Delay(TimeSpan.FromMilliseconds(250), Ct));
        Assert.NotSame(server.WhenReached(2), early);
        Assert.Equal(1, server.Requests);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await server.WhenReached(2).WaitAsync(Patience, Ct);
        var result = await call.WaitAsync(Patience, Ct);

        Assert.True(result.Succeeded);
        Assert.Equal(2, result.Tries);
    }

    [Fact]
    public void Backoff_DoublesWithEachTry_DrawnBetweenHalfAndAll()
    {
        var backoffBase = TimeSpan.FromMilliseconds(200);

        var waits = Enumerable.Range(1, 4).Select(failed => OutboundClient.Backoff(backoffBase, failed)).ToList();

        for (var i = 0; i < waits.Count; i++)
        {
            var full = backoffBase * Math.Pow(2, i);
            Assert.InRange(waits[i], full / 2, full);
        }
    }

    [Theory]
    [InlineData(0, 1, 0)]
    [InlineData(1000, 0, 0)]
    [InlineData(1000, 11, 0)]
    [InlineData(1000, 3, -1)]
    [InlineData(1000, 3, 64 * 1024 * 1024 + 1)]
    public async Task SendAsync_PolicyOutOfRange_Throws(int tryTimeoutMs, int tries, int maxResponseBytes)
    {
        using var client = Client(new OutboundOptions());
        var policy = new OutboundPolicy { TryTimeout = TimeSpan.FromMilliseconds(tryTimeoutMs), Tries = tries, MaxResponseBytes = maxResponseBytes };

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.SendAsync(OutboundRequest.Get(new Uri("http://example.com/")), policy, Ct));
    }

    /// <summary>A fake clock that tells the test each timer created on it, so it advances only once the client waits.</summary>
    private sealed class WatchedTime : FakeTimeProvider
    {
        private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            _timers.Writer.TryWrite(dueTime);
            return timer;
        }

        public async Task<TimeSpan> NextTimerAsync(Func<TimeSpan, bool> matches)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            deadline.CancelAfter(Patience);
            while (true)
            {
                var due = await _timers.Reader.ReadAsync(deadline.Token);
                if (matches(due))
                {
                    return due;
                }
            }
        }
    }
}
