using Hutong.Contracts;

namespace Hutong.Client;

/// <summary>The server refused a request; <see cref="Code"/> is the stable machine code from <see cref="ErrorCodes"/>.</summary>
public sealed class HutongApiException(int status, ProblemBody? problem)
    : Exception($"{status} {problem?.Code ?? "no_problem_body"}: {problem?.Title}")
{
    public int Status { get; } = status;

    public ProblemBody? Problem { get; } = problem;

    public string? Code => Problem?.Code;
}
