using Booking.Api;
using Booking.Payments;
using Booking.Platform;
using Booking.Sessions;
using Booking.Settings;
using Booking.Store;
using Booking.Studio;
using Booking.WeChatPay;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Booking;

public static class BookingExtensions
{
    /// <summary>The platform's calls are short; WeChat's own limit is a few seconds.</summary>
    private static readonly TimeSpan PlatformTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Settings (checked at start-up), the store, sessions, the platform client, the reminders and the deposits.</summary>
    public static WebApplicationBuilder AddBooking(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PlatformOptions>().BindConfiguration(PlatformOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PlatformOptions>, PlatformOptionsValidator>());
        services.AddOptions<StudioOptions>().BindConfiguration(StudioOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StudioOptions>, StudioOptionsValidator>());
        services.AddOptions<WeChatPayOptions>().BindConfiguration(WeChatPayOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WeChatPayOptions>, WeChatPayOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, BookingJson.Default));

        services.AddSingleton<BookingStore>();
        services.AddSingleton<Timetable>();
        services.AddHostedService<StudioSetup>();

        services.AddAuthentication(SessionAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, SessionAuthenticationHandler>(SessionAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();
        services.AddProblemDetails();

        services.AddSingleton<PlatformClient>();
        services.AddSingleton<ReminderTemplate>();
        services.AddSingleton<Reminders>();
        services.AddHttpClient(PlatformClient.HttpClientName, (provider, http) =>
            {
                var server = provider.GetRequiredService<IOptions<PlatformOptions>>().Value.Server!.AbsoluteUri;
                // A base with a path (a proxy's prefix, say) keeps it: the calls are relative to it.
                http.BaseAddress = new Uri(server.EndsWith('/') ? server : server + "/");
                http.Timeout = PlatformTimeout;
            })
            // The default request logs would carry the URL, and with it the app secret, login codes and the access token.
            .RemoveAllLoggers();

        services.AddSingleton<Deposits>();
        services.AddHttpClient(Deposits.HttpClientName, (provider, http) =>
        {
            var server = provider.GetRequiredService<IOptions<WeChatPayOptions>>().Value.Server.AbsoluteUri;
            http.BaseAddress = new Uri(server.EndsWith('/') ? server : server + "/");
            http.Timeout = PlatformTimeout;
            // WeChat Pay refuses requests without a User-Agent.
            http.DefaultRequestHeaders.UserAgent.ParseAdd("LotusBooking/1.0");
        });
        return builder;
    }

    public static WebApplication MapBooking(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapBookingApi();
        return app;
    }
}
