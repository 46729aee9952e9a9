namespace Hutong.Contracts;

/// <summary>An RFC 9457 problem body as clients read it, with Hutong's stable <see cref="Code"/>.</summary>
public sealed record ProblemBody(
    string? Type,
    string? Title,
    int? Status,
    string? Detail,
    string? Code,
    IReadOnlyDictionary<string, string[]>? Errors);
