using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Hutong.Core.Outbound;

public static class OutboundExtensions
{
    /// <summary>
    /// Registers the node's <see cref="OutboundClient"/> and its <c>Hutong:Outbound</c> settings. Every feature that
    /// calls developer servers calls this; the first call registers, the others find it done.
    /// </summary>
    public static IHostApplicationBuilder AddOutboundHttp(this IHostApplicationBuilder builder)
    {
        // Binding and validating twice would report each bad setting twice.
        if (builder.Services.Any(service => service.ServiceType == typeof(OutboundClient)))
        {
            return builder;
        }

        builder.Services.AddOptions<OutboundOptions>().BindConfiguration(OutboundOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<OutboundClient>();
        return builder;
    }
}
