using Booking.Platform;
using Booking.Settings;
using Booking.Store;
using Microsoft.Extensions.Options;

namespace Booking.Studio;

/// <summary>
/// At start-up: the store's tables and services (before the first request), then, in the background, the reminder
/// template (the platform may still be starting; the app's first <c>GET /api/templates</c> tries again).
/// </summary>
internal sealed class StudioSetup(BookingStore store, ReminderTemplate reminder, IOptions<StudioOptions> options, ILogger<StudioSetup> logger)
    : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var services = await store.InitializeAsync(cancellationToken);
        logger.StoreReady(Path.GetFullPath(options.Value.Database), services);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken) => await reminder.GetIdAsync(stoppingToken);
}
