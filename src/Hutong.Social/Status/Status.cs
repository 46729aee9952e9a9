using Hutong.Contracts.Social;

namespace Hutong.Social.Status;

/// <summary>A status as stored; gone for everyone once <see cref="ExpiresAt"/> has passed, whether or not swept yet.</summary>
public sealed record Status(
    Guid Id,
    Guid AuthorId,
    string ClientId,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    string? Text,
    PostMedia? Media,
    string? Mood,
    PlaceInfo? Location);

/// <summary>A status as one viewer meets it: with their own seen mark.</summary>
public sealed record SeenStatus(Status Status, bool Seen);

/// <summary>A reaction to a status.</summary>
public sealed record Reaction(Guid StatusId, Guid UserId, string Emoji, DateTimeOffset At);
