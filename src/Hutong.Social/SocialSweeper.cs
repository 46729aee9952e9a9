using Hutong.Social.Moments;
using Hutong.Social.Status;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hutong.Social;

/// <summary>
/// Every node now and then resumes fan-outs a crash cut off and removes statuses whose day is over. Both are data
/// (a post's fan-out progress, a status's expiry) and both are safe to repeat, so several nodes sweeping at once only
/// repeat each other's work: a post's fan-out runs in its one grain, and a status removed twice is removed once.
/// </summary>
internal sealed partial class SocialSweeper(
    IMomentsStore moments, IGrainFactory grains, StatusService statuses, IOptions<SocialOptions> options, TimeProvider clock, ILogger<SocialSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                SweepFailed(logger, e);
            }

            try
            {
                await Task.Delay(options.Value.SweepInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One round: fan-outs older than a sweep interval that are not done, then expired statuses.</summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var stalled = await moments.UnfinishedFanOutsAsync(clock.GetUtcNow() - options.Value.SweepInterval, 100, cancellationToken);
        foreach (var postId in stalled)
        {
            await grains.GetGrain<IFanOutGrain>(postId).CompleteAsync();
        }

        while (await statuses.SweepAsync(cancellationToken) > 0)
        {
        }
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "A sweep of Moments fan-outs and expired statuses failed; the next one retries.")]
    private static partial void SweepFailed(ILogger logger, Exception exception);
}
