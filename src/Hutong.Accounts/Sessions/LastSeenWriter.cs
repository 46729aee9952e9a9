using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hutong.Accounts.Sessions;

/// <summary>
/// Writes devices' last-seen times off the request path, whatever gathered while the last write ran in one
/// transaction. When thousands of devices reconnect at once (a node restarts, a network comes back), each would
/// otherwise make its own write before its connection could go on, and on SQLite those writers take turns by sleeping
/// and retrying. The times have minute precision and only help people recognise their devices, so one written a moment
/// late, or lost when the node stops, costs nothing.
/// </summary>
public sealed class LastSeenWriter(ISessionStore sessions, ILogger<LastSeenWriter> logger) : BackgroundService
{
    private const int MaxBatch = 1_000;

    private readonly Channel<(Guid DeviceId, DateTimeOffset At)> _pending =
        Channel.CreateUnbounded<(Guid, DateTimeOffset)>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Records that the device was seen at <paramref name="at"/>; written shortly after.</summary>
    public void Touch(Guid deviceId, DateTimeOffset at) => _pending.Writer.TryWrite((deviceId, at));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _pending.Reader.WaitToReadAsync(stoppingToken))
            {
                var batch = new Dictionary<Guid, DateTimeOffset>();
                while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var touch))
                {
                    batch[touch.DeviceId] = touch.At;
                }

                try
                {
                    await sessions.TouchAsync(batch, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    AccountsLog.LastSeenFailed(logger, batch.Count, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
