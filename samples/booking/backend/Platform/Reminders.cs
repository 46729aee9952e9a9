using Booking.Settings;
using Booking.Store;
using Microsoft.Extensions.Options;

namespace Booking.Platform;

/// <summary>
/// The booking reminder, as a subscribe message into the person's service notices. A studio would send it the day
/// before; this sample sends it as soon as the booking is made, so the whole path can be seen at once. Each
/// acceptance in <c>wx.requestSubscribeMessage</c> lets the app send one message; without one the platform answers
/// 43101 and the booking stands all the same.
/// </summary>
internal sealed class Reminders(PlatformClient platform, ReminderTemplate template, BookingStore store, IOptions<StudioOptions> options, ILogger<Reminders> logger)
{
    /// <summary>Where tapping the notice opens the app.</summary>
    public const string Page = "pages/bookings/bookings";

    /// <summary>Sends the reminder of <paramref name="booking"/>; true when it reached the person.</summary>
    public async Task<bool> SendAsync(BookingRecord booking, CancellationToken cancellationToken)
    {
        try
        {
            if (await template.GetIdAsync(cancellationToken) is not { } templateId)
            {
                return false;
            }

            var message = new SubscribeMessage(booking.OpenId, templateId, Page, new Dictionary<string, SubscribeValue>
            {
                ["thing1"] = new(booking.Service.Name),
                ["time2"] = new(booking.StartsAt),
                ["thing3"] = new(options.Value.Place),
            });
            var answer = await platform.SendSubscribeMessageAsync(message, cancellationToken);
            if (answer.ErrCode != 0)
            {
                logger.ReminderRefused(booking.Id, answer.ErrCode, answer.ErrMsg);
                return false;
            }

            await store.MarkRemindedAsync(booking.Id, cancellationToken);
            logger.ReminderSent(booking.Id, booking.OpenId);
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or PlatformException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.ReminderFailed(booking.Id, e);
            return false;
        }
    }
}
