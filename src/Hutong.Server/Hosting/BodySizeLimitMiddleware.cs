using Hutong.Contracts;
using Hutong.Core.Errors;
using Hutong.Core.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Hutong.Server.Hosting;

/// <summary>
/// Rejects request bodies over the endpoint's limit with a 413 problem before a handler sees them. An endpoint may
/// declare its own limit with <see cref="IRequestSizeLimitMetadata"/> (uploads). A body without a length is read up to
/// the limit here, so the answer is the same on Kestrel and on the in-memory test server.
/// </summary>
internal sealed class BodySizeLimitMiddleware(RequestDelegate next, IOptions<HttpOptions> options)
{
    private static readonly Error TooLarge = new(ErrorCodes.PayloadTooLarge, 413, "The request body is too large.");

    public async Task InvokeAsync(HttpContext context)
    {
        // Metadata with a null size means the endpoint takes bodies of any size.
        var declaredByEndpoint = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>();
        var limit = declaredByEndpoint is null ? options.Value.MaxRequestBodyBytes : declaredByEndpoint.MaxRequestBodySize;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        if (limit is not { } max)
        {
            await next(context);
            return;
        }

        var declared = context.Request.ContentLength;
        if (declared > max)
        {
            await Reject(context);
            return;
        }

        // Only the small JSON bodies are read ahead here; an endpoint with its own limit (uploads) streams its body and
        // enforces the limit as it reads, so a large upload never sits in memory.
        if (declared is null && declaredByEndpoint is null && MayHaveBody(context.Request))
        {
            var buffered = await ReadUpToAsync(context.Request.Body, max, context.RequestAborted);
            if (buffered is null)
            {
                await Reject(context);
                return;
            }

            context.Request.Body = buffered;
            context.Request.ContentLength = buffered.Length;
        }

        await next(context);
    }

    private static bool MayHaveBody(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method);

    /// <summary>The body in memory, or null when it is longer than <paramref name="max"/>.</summary>
    private static async Task<MemoryStream?> ReadUpToAsync(Stream body, long max, CancellationToken cancellationToken)
    {
        var buffered = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffered.Length + read > max)
            {
                return null;
            }

            buffered.Write(chunk, 0, read);
        }

        buffered.Position = 0;
        return buffered;
    }

    private static Task Reject(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        return TooLarge.ToProblem().ExecuteAsync(context);
    }
}
