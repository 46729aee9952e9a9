using System.Text.Json;
using Hutong.Contracts;
using Hutong.Core.Errors;
using Hutong.Core.Http;
using Microsoft.AspNetCore.Diagnostics;

namespace Hutong.Server.Hosting;

/// <summary>
/// Turns exceptions into problem bodies: a bad request (malformed JSON, wrong content type, missing body) is the
/// client's 4xx; a node of the cluster that cannot be reached just now is a 503 to retry; anything else is a bug,
/// logged, and answered with a 500 that reveals nothing.
/// </summary>
internal sealed class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var error = exception switch
        {
            BadHttpRequestException { InnerException: JsonException } =>
                new Error(ErrorCodes.MalformedBody, 400, "The request body is not valid JSON for this endpoint."),
            BadHttpRequestException bad =>
                new Error(Problems.CodeFor(bad.StatusCode), bad.StatusCode, Title(bad.StatusCode), bad.Message),
            _ => null,
        };

        if (error is null && ClusterFaults.IsTransient(exception))
        {
            ServerLog.ClusterFault(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            error = ClusterFaults.Unavailable;
        }

        if (error is null)
        {
            if (httpContext.RequestAborted.IsCancellationRequested)
            {
                return true;
            }

            ServerLog.UnhandledException(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            error = new Error(ErrorCodes.InternalError, 500, "Something went wrong on the server.");
        }

        httpContext.Response.StatusCode = error.Status;
        await error.ToProblem().ExecuteAsync(httpContext);
        return true;
    }

    private static string Title(int status) => status switch
    {
        413 => "The request body is too large.",
        415 => "Send the body as application/json.",
        _ => "The request is not valid.",
    };
}
