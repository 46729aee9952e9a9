using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace Hutong.Server.Hosting;

/// <summary>
/// Serves <c>/metrics</c> alone on <c>Hutong:Telemetry:MetricsPort</c>: a small web server of its own beside the node's,
/// so the node's addresses (<c>Urls</c>, <c>--urls</c>) stay as they are, nothing else of the node answers on this
/// port, and a firewall can let only Prometheus reach it. It reads the node's own meter provider.
/// </summary>
internal sealed class MetricsListener(IServiceProvider node, IOptions<TelemetryOptions> options, ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private WebApplication? _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var port = options.Value.MetricsPort!.Value;
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.ListenAnyIP(port));
        // The node's logging, and none of a host's own: this server is part of the node, not a second application.
        builder.Services.AddSingleton(loggers);
        builder.Services.AddSingleton<IHostLifetime, PartOfTheNode>();
        _server = builder.Build();
        _server.UseOpenTelemetryPrometheusScrapingEndpoint(
            node.GetRequiredService<MeterProvider>(), predicate: null, path: TelemetryHosting.MetricsPath, configureBranchedPipeline: null, optionsName: null);
        try
        {
            await _server.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            throw new InvalidOperationException(
                $"{TelemetryOptions.Section}:MetricsPort: port {port} is taken (another node on this machine, or the node's own port?). Choose another.", e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => _server?.StopAsync(cancellationToken) ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>Starts and stops with the node: no signal handling or start-up banner of its own.</summary>
    private sealed class PartOfTheNode : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
