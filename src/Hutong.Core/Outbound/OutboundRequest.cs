namespace Hutong.Core.Outbound;

/// <summary>
/// One call to a developer's server. <see cref="Uri"/> is untrusted input: anything but absolute http or https ends the
/// call as <see cref="OutboundFailure.BadScheme"/> without sending it.
/// </summary>
public sealed record OutboundRequest(HttpMethod Method, Uri Uri)
{
    /// <summary>The body, or none.</summary>
    public ReadOnlyMemory<byte>? Body { get; init; }

    /// <summary>The body's media type; <c>application/octet-stream</c> when a body has none.</summary>
    public string? ContentType { get; init; }

    /// <summary>Further headers (a signature, a timestamp). The <c>User-Agent</c> is always Hutong's own.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public static OutboundRequest Get(Uri uri) => new(HttpMethod.Get, uri);

    public static OutboundRequest Post(Uri uri, ReadOnlyMemory<byte> body, string contentType) =>
        new(HttpMethod.Post, uri) { Body = body, ContentType = contentType };
}
