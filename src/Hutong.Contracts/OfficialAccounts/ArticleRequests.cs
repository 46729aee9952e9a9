namespace Hutong.Contracts.OfficialAccounts;

/// <summary>
/// A new draft. <see cref="Body"/> is HTML, sanitised on save; <see cref="CoverId"/> is an image the caller uploaded;
/// <see cref="SourceUrl"/> an http or https address ("Read the original"). Without a digest, the body's first words
/// are the digest.
/// </summary>
public sealed record CreateArticleRequest(
    string Title,
    string Body,
    string? Digest = null,
    string? Author = null,
    string? CoverId = null,
    string? SourceUrl = null);

/// <summary>Changes to an article; absent (null) fields stay as they are, and <c>""</c> clears an optional one.</summary>
public sealed record UpdateArticleRequest(
    string? Title = null,
    string? Body = null,
    string? Digest = null,
    string? Author = null,
    string? CoverId = null,
    string? SourceUrl = null);
