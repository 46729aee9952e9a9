using Hutong.Realtime.Log;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Hutong.Realtime;

/// <summary>Registers the per-person event log and delivery to devices. The log's store comes from Hutong.Storage.</summary>
public static class RealtimeExtensions
{
    public static IHostApplicationBuilder AddRealtime(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<EventLogWriter>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<EventLogWriter>());
        builder.Services.TryAddSingleton<EventLog>();
        builder.Services.TryAddSingleton<Delivery.OnlinePush>();
        return builder;
    }
}
