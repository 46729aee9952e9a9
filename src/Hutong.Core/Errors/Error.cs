using Hutong.Contracts;

namespace Hutong.Core.Errors;

/// <summary>
/// An expected failure of an operation: what went wrong (<see cref="Code"/>, one of <see cref="ErrorCodes"/>),
/// the HTTP status it maps to, and per-field messages for validation failures.
/// </summary>
/// <remarks>Serialisable by Orleans, so that grains return expected failures as values too.</remarks>
[GenerateSerializer, Immutable, Alias("hutong.error")]
public sealed record Error(
    [property: Id(0)] string Code,
    [property: Id(1)] int Status,
    [property: Id(2)] string Title,
    [property: Id(3)] string? Detail = null)
{
    /// <summary>Per-field messages, keyed by camelCase field name; set only for validation failures.</summary>
    [Id(4)]
    public IReadOnlyDictionary<string, string[]>? Fields { get; init; }

    /// <summary>For a 429 or a lock: when trying again may succeed; the HTTP answer carries it as <c>Retry-After</c>.</summary>
    [Id(5)]
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>For a wrong secret that is counted (the payment PIN): tries left before it locks.</summary>
    [Id(6)]
    public int? AttemptsLeft { get; init; }

    /// <summary>For an uploaded file that was refused (a mini-program package): the file, and where in it (1-based; 0 for the file as a whole).</summary>
    [Id(7)]
    public string? File { get; init; }

    [Id(8)]
    public int? Line { get; init; }

    [Id(9)]
    public int? Column { get; init; }

    public static Error Validation(IReadOnlyDictionary<string, string[]> fields) =>
        new(ErrorCodes.ValidationFailed, 400, "The request has invalid fields.") { Fields = fields };

    public static Error BadRequest(string code, string title, string? detail = null) => new(code, 400, title, detail);

    public static Error NotFound(string code, string title) => new(code, 404, title);

    public static Error Conflict(string code, string title, string? detail = null) => new(code, 409, title, detail);

    public static Error Forbidden(string code, string title) => new(code, 403, title);
}
