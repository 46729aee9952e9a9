using Hutong.Core.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hutong.Core.Http;

/// <summary>Turns an <see cref="Error"/> into an RFC 9457 problem response carrying its stable code.</summary>
public static class ProblemResults
{
    public static string TypeFor(string code) => $"urn:hutong:problem:{code}";

    public static ProblemHttpResult ToProblem(this Error error)
    {
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = error.Code };
        if (error.Fields is not null)
        {
            extensions["errors"] = error.Fields;
        }

        return TypedResults.Problem(
            detail: error.Detail,
            statusCode: error.Status,
            title: error.Title,
            type: TypeFor(error.Code),
            extensions: extensions);
    }
}
