using Scalar.AspNetCore;

namespace Hutong.Server.Hosting;

internal static class OpenApiHosting
{
    public static IHostApplicationBuilder AddHutongOpenApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi("v1");
        return builder;
    }

    /// <summary>The contract at <c>/openapi/v1.json</c>, browsable at <c>/scalar</c>.</summary>
    public static WebApplication MapHutongOpenApi(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference();
        return app;
    }
}
