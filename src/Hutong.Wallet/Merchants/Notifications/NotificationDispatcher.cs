using System.Text;
using System.Threading.Channels;
using Hutong.Core.Outbound;
using Hutong.Wallet.Merchants.Orders;
using Hutong.Wallet.Merchants.Platform;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hutong.Wallet.Merchants.Notifications;

/// <summary>
/// Delivers merchants' notifications: a new one at once (<see cref="Kick"/>), and every due retry found in the outbox,
/// which each node polls. An attempt is made only under a lease taken with a conditional update, so however many nodes
/// poll, each attempt goes out once; a node that stops mid-attempt leaves a lease that ends, and the attempt is made
/// again. A 2xx answer within the timeout delivers it; anything else waits for the next step of
/// <see cref="Schedule"/>, and after the last the merchant can still query the order.
/// </summary>
/// <remarks>
/// A singleton per node. Its queue holds only ids of rows this node wrote, as a shortcut past the poll; the rows are
/// the truth and any node may deliver them, so nothing here has to agree with another node.
/// </remarks>
public sealed partial class NotificationDispatcher(
    INotificationOutbox outbox, OrderWriter writer, PaymentKeys keys, OutboundClient http, IOptions<WalletOptions> options, TimeProvider clock, ILogger<NotificationDispatcher> logger)
    : BackgroundService
{
    /// <summary>The waits between attempts, as WeChat Pay retries: 15 more attempts over about 24 hours.</summary>
    public static readonly IReadOnlyList<TimeSpan> Schedule =
    [
        TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(10),
        TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(60),
        TimeSpan.FromHours(3), TimeSpan.FromHours(3), TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(6),
    ];

    /// <summary>How often the outbox is read for due retries.</summary>
    internal static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>How many attempts one node makes at once.</summary>
    private const int Parallel = 64;

    private readonly Channel<MerchantNotification> _fresh =
        Channel.CreateBounded<MerchantNotification>(new BoundedChannelOptions(100_000) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly SemaphoreSlim _slots = new(Parallel, Parallel);

    /// <summary>
    /// A lease outlasts an attempt (its timeout, and the storage's stalls under load before its outcome is written), so
    /// it never ends while its node may still deliver; a node that stops leaves the attempt to another after it.
    /// </summary>
    private TimeSpan Lease => options.Value.NotificationTimeout + TimeSpan.FromMinutes(2);

    /// <summary>
    /// A new notification, leased to this node from the start: stored so, it is this node's first attempt to make
    /// (<see cref="Kick"/>) without another round trip, and no poll takes it before the lease ends.
    /// </summary>
    public MerchantNotification Leased(MerchantNotification notification) =>
        notification with { LeaseToken = Guid.NewGuid(), LeasedUntil = clock.GetUtcNow() + Lease };

    /// <summary>Makes the first attempt of a stored <see cref="Leased"/> notification now. Dropped when the queue is full: its lease ends and a poll finds it.</summary>
    public void Kick(MerchantNotification notification) => _fresh.Writer.TryWrite(notification);

    public override void Dispose()
    {
        _slots.Dispose();
        base.Dispose();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(DrainFreshAsync(stoppingToken), PollAsync(stoppingToken));

    private async Task DrainFreshAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var notification in _fresh.Reader.ReadAllAsync(stoppingToken))
            {
                await _slots.WaitAsync(stoppingToken);
                _ = Task.Run(async () =>
                {
                    try
                    {
                        // The slot is the merchant's request: writing down its outcome (a group commit, which waits
                        // for others under load) happens after the slot is free for the next request.
                        bool answered;
                        try
                        {
                            answered = await SendAsync(notification, stoppingToken);
                        }
                        finally
                        {
                            _slots.Release();
                        }

                        await RecordAsync(notification, answered);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        AttemptFailed(logger, e);
                    }
                }, CancellationToken.None);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: what was queued is in the outbox, and the next node to poll finds it.
        }
    }

    private async Task PollAsync(CancellationToken stoppingToken)
    {
        // One periodic timer for the node's life: a tick that falls while a poll is running is kept for the next wait,
        // so time that passes mid-poll (a clock moved on, a long poll) is never missed.
        using var ticks = new PeriodicTimer(PollInterval, clock);
        while (true)
        {
            var full = false;
            try
            {
                var due = await outbox.LeaseDueAsync(clock.GetUtcNow(), Lease, Parallel * 4, stoppingToken);
                await System.Threading.Tasks.Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = Parallel, CancellationToken = stoppingToken },
                    async (notification, token) => await RecordAsync(notification, await SendAsync(notification, token)));
                full = due.Count == Parallel * 4;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                AttemptFailed(logger, e);
            }

            // A full batch means more are due: the next is taken at once.
            if (!(full && !stoppingToken.IsCancellationRequested) && !await WaitAsync(ticks, stoppingToken))
            {
                return;
            }
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer ticks, CancellationToken stoppingToken)
    {
        try
        {
            return await ticks.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>One attempt: the body signed like a response and posted once; true if the merchant answered 2xx in time.</summary>
    private async Task<bool> SendAsync(MerchantNotification notification, CancellationToken cancellationToken)
    {
        var signature = await keys.SignAsync(notification.Body, cancellationToken);
        var request = OutboundRequest.Post(new Uri(notification.Url), Encoding.UTF8.GetBytes(notification.Body), "application/json") with
        {
            Headers = new Dictionary<string, string>
            {
                ["Wechatpay-Timestamp"] = signature.Timestamp,
                ["Wechatpay-Nonce"] = signature.Nonce,
                ["Wechatpay-Signature"] = signature.Signature,
                ["Wechatpay-Serial"] = signature.Serial,
                ["Wechatpay-Signature-Type"] = Protocol.V3Signature.Scheme,
                ["Request-ID"] = Guid.NewGuid().ToString(),
            },
        };
        var result = await http.SendAsync(request, new OutboundPolicy
        {
            Tries = 1,
            TryTimeout = options.Value.NotificationTimeout,
            MaxResponseBytes = 64 * 1024,
            MayRedirectTo = _ => false,
        }, cancellationToken);
        return result.Succeeded && result.Status is { } status && (int)status is >= 200 and < 300;
    }

    /// <summary>An attempt's outcome, written back under its lease: delivered, or the next attempt's time.</summary>
    private async Task RecordAsync(MerchantNotification notification, bool answered)
    {
        if (answered)
        {
            await writer.WriteAsync(new NotificationDelivered(notification.Id, notification.LeaseToken!.Value, clock.GetUtcNow()));
            return;
        }

        var attempts = notification.Attempts + 1;
        var next = attempts <= Schedule.Count ? clock.GetUtcNow() + Schedule[attempts - 1] : (DateTimeOffset?)null;
        await outbox.MarkFailedAsync(notification.Id, notification.LeaseToken!.Value, attempts, next, CancellationToken.None);
        if (next is null)
        {
            GaveUp(logger, notification.Id, attempts);
        }
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "A merchant notification attempt failed to run; its lease ends and it is tried again.")]
    private static partial void AttemptFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Merchant notification {Id} was not acknowledged after {Attempts} attempts; the merchant can still query.")]
    private static partial void GaveUp(ILogger logger, Guid id, int attempts);
}
