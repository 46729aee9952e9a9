using Hutong.Contracts;
using Hutong.Core.Errors;
using Hutong.Core.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Hutong.Server.Hosting;

/// <summary>
/// The node's own limits on a request's target and headers, answered as problems (414, 431). Kestrel is configured with
/// larger limits (<see cref="HttpHosting"/>), so only what is far beyond these meets Kestrel's bare rejection.
/// </summary>
internal sealed class RequestShapeMiddleware(RequestDelegate next, IOptions<HttpOptions> options)
{
    private static readonly Error TargetTooLong = new(ErrorCodes.UriTooLong, 414, "The request's path and query are too long.");
    private static readonly Error HeadersTooLarge = new(ErrorCodes.HeadersTooLarge, 431, "The request's headers are too large.");

    public Task InvokeAsync(HttpContext context)
    {
        var limits = options.Value;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? string.Empty;
        if (target.Length > limits.MaxRequestTargetBytes)
        {
            return TargetTooLong.ToProblem().ExecuteAsync(context);
        }

        var headers = context.Request.Headers;
        if (headers.Count > limits.MaxRequestHeaders)
        {
            return HeadersTooLarge.ToProblem().ExecuteAsync(context);
        }

        var bytes = 0L;
        foreach (var (name, values) in headers)
        {
            bytes += name.Length;
            foreach (var value in values)
            {
                bytes += value?.Length ?? 0;
            }
        }

        return bytes > limits.MaxRequestHeaderBytes ? HeadersTooLarge.ToProblem().ExecuteAsync(context) : next(context);
    }
}
