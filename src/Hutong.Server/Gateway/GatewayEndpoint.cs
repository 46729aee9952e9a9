using Hutong.Contracts;
using Hutong.Core.Errors;
using Hutong.Core.Http;

namespace Hutong.Server.Gateway;

/// <summary>The real-time gateway at <c>/ws</c>: raw WebSocket with the JSON frames of docs/protocol.md.</summary>
internal static class GatewayEndpoint
{
    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GatewayOptions>().BindConfiguration(GatewayOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<GatewayMetrics>();
        builder.Services.AddSingleton<GatewayHub>();
        builder.Services.AddSingleton<GatewayBackend>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<GatewayHub>());
        return builder;
    }

    public static WebApplication MapGateway(this WebApplication app)
    {
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.Map("/ws", async (HttpContext http, GatewayHub hub, GatewayBackend backend, TimeProvider clock, ILogger<GatewayHub> logger) =>
        {
            if (!http.WebSockets.IsWebSocketRequest)
            {
                await new Error(ErrorCodes.WebSocketRequired, 400, "Connect with a WebSocket.").ToProblem().ExecuteAsync(http);
                return;
            }

            using var socket = await http.WebSockets.AcceptWebSocketAsync();
            using var connection = new GatewayConnection(socket, hub, backend, clock, logger);
            await connection.RunAsync(http.Request.Query["access_token"].ToString() is { Length: > 0 } token ? token : null, http.RequestAborted);
        }).WithTags("Gateway").ExcludeFromDescription();
        return app;
    }
}
