using EchoBot.CustomerService;
using EchoBot.Webhook;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EchoBot;

public static class EchoBotExtensions
{
    /// <summary>The API calls are short; the platform's own limit is a few seconds.</summary>
    private static readonly TimeSpan ApiTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Settings (checked at start-up), the push handling, and the customer-service sender.</summary>
    public static WebApplicationBuilder AddEchoBot(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<BotOptions>().BindConfiguration(BotOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotOptions>, BotOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<EchoRules>();
        services.AddSingleton<RetryGuard>();
        services.AddSingleton<PushHandler>();

        services.AddSingleton<CustomMessageQueue>();
        services.AddSingleton<CgiBinClient>();
        services.AddHostedService<CustomMessageSender>();
        services.AddHttpClient(CgiBinClient.HttpClientName, (provider, http) =>
            {
                var apiBase = provider.GetRequiredService<IOptions<BotOptions>>().Value.ApiBase.AbsoluteUri;
                // A base with a path (a proxy's prefix, say) keeps it: the calls are relative to it.
                http.BaseAddress = new Uri(apiBase.EndsWith('/') ? apiBase : apiBase + "/");
                http.Timeout = ApiTimeout;
            })
            // The default request logs would carry the URL, and with it the app secret and the access token.
            .RemoveAllLoggers();
        return builder;
    }

    public static WebApplication MapEchoBot(this WebApplication app)
    {
        app.MapWebhook();
        return app;
    }
}
