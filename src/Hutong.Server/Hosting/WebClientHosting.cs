namespace Hutong.Server.Hosting;

/// <summary>
/// Serves the web client (Hutong.Web) at <c>/</c>: its files from the build's static web assets (compressed and
/// fingerprinted, with cache headers), and its <c>index.html</c> for any other path that is not the API, so a link
/// into the app (<c>/chats/...</c>) opens it.
/// </summary>
internal static class WebClientHosting
{
    public static WebApplicationBuilder AddWebClient(this WebApplicationBuilder builder)
    {
        // dotnet run serves the client from the build output in every environment; a published node has no static
        // web assets manifest and serves its wwwroot, where this is a no-op.
        builder.WebHost.UseStaticWebAssets();
        return builder;
    }

    public static WebApplication MapWebClient(this WebApplication app)
    {
        app.MapStaticAssets();
        // index.html is the copy the build rewrote with fingerprinted framework files (OverrideHtmlAssetPlaceholders);
        // paths of the API, the gateway, the docs, health and metrics keep their own 404s.
        app.MapFallbackToFile("/", "index.html");
        app.MapFallbackToFile("{*path:regex(^(?!api/|ws$|openapi/|scalar|healthz|metrics$).*$)}", "index.html");
        return app;
    }
}
