using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EchoBot.Webhook;

/// <summary>
/// The developer URL the platform calls (<c>/wechat</c>: GET to check it, POST for each push) and the pictures of
/// the news cards.
/// </summary>
internal static class WebhookApi
{
    /// <summary>A push is a few KiB at most; compatible mode carries it about three times.</summary>
    private const int MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapWebhook(this IEndpointRouteBuilder app)
    {
        app.MapGet("/wechat", Verify);
        app.MapPost("/wechat", Receive);
        app.MapGet("/pictures/{name}", Picture);
        return app;
    }

    private static Results<ContentHttpResult, StatusCodeHttpResult> Verify([AsParameters] PushQuery query, string? echostr, PushHandler handler) =>
        handler.Verify(query, echostr);

    private static async Task<Results<ContentHttpResult, Ok, StatusCodeHttpResult, BadRequest>> Receive(
        [AsParameters] PushQuery query, HttpRequest request, PushHandler handler, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(request, cancellationToken);
        if (body is null)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        // The address the platform called is where followers' devices reach the bot too.
        var host = request.Host.HasValue ? request.Host.Value : "localhost";
        var publicBase = new Uri($"{request.Scheme}://{host}{request.PathBase}/");
        return handler.Handle(query, body, publicBase);
    }

    private static Results<ContentHttpResult, NotFound> Picture(string name) => name switch
    {
        "wide.svg" => Svg(360, 200, "#07c160", "EchoBot"),
        "square.svg" => Svg(200, 200, "#1485ee", "later"),
        _ => TypedResults.NotFound(),
    };

    private static ContentHttpResult Svg(int width, int height, string colour, string label) => TypedResults.Text(
        $"""<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}"><rect width="100%" height="100%" fill="{colour}"/><text x="50%" y="50%" fill="#fff" font-family="sans-serif" font-size="36" text-anchor="middle" dominant-baseline="middle">{label}</text></svg>""",
        "image/svg+xml",
        Encoding.UTF8);

    /// <summary>The body as text, or null when it is larger than any push.</summary>
    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var body = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (body.Length + read > MaxBodyBytes)
            {
                return null;
            }

            body.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length);
    }
}
