using System.Net;
using System.Text;

namespace Hutong.Core.Outbound;

/// <summary>
/// How an outbound call ended. Expected failures (a refused address, a timeout, an error status) are values here;
/// only the caller's own cancellation throws.
/// </summary>
public sealed record OutboundResult
{
    /// <summary>Why the call failed; <see langword="null"/> when it got a 2xx answer.</summary>
    public OutboundFailure? Failure { get; init; }

    public bool Succeeded => Failure is null;

    /// <summary>The last answer's status, when there was one.</summary>
    public HttpStatusCode? Status { get; init; }

    /// <summary>The last answer's <c>Content-Type</c>, when it had one.</summary>
    public string? ContentType { get; init; }

    /// <summary>
    /// The last answer's body: on success all of it; on <see cref="OutboundFailure.HttpError"/> as much as fits in
    /// <see cref="OutboundPolicy.MaxResponseBytes"/> (empty if it does not); otherwise empty.
    /// </summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>The last answer's headers (its content headers too), each name once with its values joined by ", ".</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>How many tries were made, the first included.</summary>
    public int Tries { get; init; }

    /// <summary>The address the last answer came from, after redirects.</summary>
    public Uri? FinalUri { get; init; }

    /// <summary>The body as UTF-8 text (invalid sequences become U+FFFD).</summary>
    public string ReadText() => Encoding.UTF8.GetString(Body.Span);

    internal static OutboundResult Failed(OutboundFailure failure) => new() { Failure = failure };
}
