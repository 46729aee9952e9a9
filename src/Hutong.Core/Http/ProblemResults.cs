using Hutong.Core.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hutong.Core.Http;

/// <summary>Turns an <see cref="Error"/> into an RFC 9457 problem response carrying its stable code.</summary>
public static class ProblemResults
{
    public static string TypeFor(string code) => $"urn:hutong:problem:{code}";

    /// <summary>200 with the value, or the error's problem.</summary>
    public static Results<Ok<T>, ProblemHttpResult> ToOk<T>(this Result<T> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();

    /// <summary>204, or the error's problem.</summary>
    public static Results<NoContent, ProblemHttpResult> ToNoContent(this Result<Done> result) =>
        result.IsSuccess ? TypedResults.NoContent() : result.Error.ToProblem();

    public static ProblemHttpResult ToProblem(this Error error)
    {
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = error.Code };
        if (error.Fields is not null)
        {
            extensions["errors"] = error.Fields;
        }

        if (error.RetryAfter is { } retryAfter)
        {
            extensions["retryAfter"] = RetryAfterSeconds(retryAfter);
        }

        if (error.AttemptsLeft is { } attemptsLeft)
        {
            extensions["attemptsLeft"] = attemptsLeft;
        }

        if (error.File is { } file)
        {
            extensions["file"] = file;
            extensions["line"] = error.Line ?? 0;
            extensions["column"] = error.Column ?? 0;
        }

        return TypedResults.Problem(
            detail: error.Detail,
            statusCode: error.Status,
            title: error.Title,
            type: TypeFor(error.Code),
            extensions: extensions);
    }

    private static int RetryAfterSeconds(TimeSpan wait) => (int)Math.Ceiling(wait.TotalSeconds);
}
