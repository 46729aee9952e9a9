namespace Hutong.Contracts;

/// <summary>
/// An RFC 9457 problem body as clients read it, with Hutong's stable <see cref="Code"/>. <see cref="RetryAfter"/>
/// (seconds, also sent as the <c>Retry-After</c> header) says when a refused request may succeed;
/// <see cref="AttemptsLeft"/>, how many more tries a counted secret (the payment PIN) allows before it locks;
/// <see cref="File"/>, <see cref="Line"/> and <see cref="Column"/>, where a refused upload (a mini-program package) is wrong.
/// </summary>
public sealed record ProblemBody(
    string? Type,
    string? Title,
    int? Status,
    string? Detail,
    string? Code,
    IReadOnlyDictionary<string, string[]>? Errors,
    int? RetryAfter = null,
    int? AttemptsLeft = null,
    string? File = null,
    int? Line = null,
    int? Column = null);
