using Hutong.Client;
using Hutong.Web.Localization;

namespace Hutong.Web.Shared;

/// <summary>Turns a failed call into a sentence for the person, in their language.</summary>
public static class Problem
{
    public static string Describe(Exception error, Strings s) => error switch
    {
        HutongApiException { Code: { } code } api => s.Error(code) ?? api.Problem?.Detail ?? api.Problem?.Title ?? s.SomethingWentWrong,
        HutongApiException { Status: 429 } => s.Error("rate_limited") ?? s.SomethingWentWrong,
        HttpRequestException => s.NoConnection,
        _ => s.SomethingWentWrong,
    };

    /// <summary>The messages of a validation problem, by field (camelCase, as the API names them).</summary>
    public static IReadOnlyDictionary<string, string[]> Fields(Exception error) =>
        (error as HutongApiException)?.Problem?.Errors ?? new Dictionary<string, string[]>();
}
