using System.Globalization;
using Hutong.Contracts;
using Hutong.Core.Http;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Options;

namespace Hutong.Server.Hosting;

internal static class HttpHosting
{
    public static IHostApplicationBuilder AddHutongHttp(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<HttpOptions>().BindConfiguration(HttpOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<SocketTransportOptions>().Configure<IOptions<HttpOptions>>((sockets, http) => sockets.Backlog = http.Value.ListenBacklog);
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<HttpOptions>>((kestrel, http) =>
        {
            // Kestrel answers what it rejects itself with an empty body. Its limits sit well above the node's, so a
            // request that is only too long reaches RequestShapeMiddleware and gets a problem a client can read.
            kestrel.Limits.MaxRequestLineSize = (http.Value.MaxRequestTargetBytes * 8) + 64;
            kestrel.Limits.MaxRequestHeadersTotalSize = http.Value.MaxRequestHeaderBytes * 4;
            kestrel.Limits.MaxRequestHeaderCount = http.Value.MaxRequestHeaders * 4;
            // A byte outside ASCII in a header (a pasted token, a stray character) is read as Latin-1 instead of
            // failing the request: the header is then simply wrong, and answered as such (401 for a token).
            kestrel.RequestHeaderEncodingSelector = _ => System.Text.Encoding.Latin1;
        });
        builder.Services.Configure<JsonOptions>(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, HutongJsonContext.Default));
        // Bad requests surface as exceptions so that one handler turns them into problem bodies with a code.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var status = ctx.ProblemDetails.Status ?? ctx.HttpContext.Response.StatusCode;
            if (!ctx.ProblemDetails.Extensions.ContainsKey("code"))
            {
                var code = Problems.CodeFor(status);
                ctx.ProblemDetails.Extensions["code"] = code;
                ctx.ProblemDetails.Type = ProblemResults.TypeFor(code);
            }

            // Every feature's "try again later" (a send limit, a PIN lock) reaches HTTP clients the same way.
            if (ctx.ProblemDetails.Extensions.TryGetValue("retryAfter", out var seconds) && seconds is int wait)
            {
                ctx.HttpContext.Response.Headers.RetryAfter = wait.ToString(CultureInfo.InvariantCulture);
            }
        });
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<HttpOptions>>((forwarded, http) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in http.Value.TrustedProxies)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(proxy, out var network) ? network
                    : System.Net.IPAddress.TryParse(proxy, out var address) ? new System.Net.IPNetwork(address, address.GetAddressBytes().Length * 8)
                    : throw new OptionsValidationException($"{HttpOptions.Section}:TrustedProxies", typeof(HttpOptions),
                        [$"{HttpOptions.Section}:TrustedProxies lists IP addresses or networks (10.0.0.0/8), not '{proxy}'."]));
            }
        });
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddHealthChecks();
        return builder;
    }

    public static WebApplication UseHutongHttp(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestShapeMiddleware>();
        app.UseRouting();
        app.UseMiddleware<BodySizeLimitMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapHutongHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { AllowCachingResponses = false }).WithTags("Health");
        return app;
    }
}
