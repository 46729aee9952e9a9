namespace Hutong.MiniPrograms.Apps;

/// <summary>
/// A mini-program: <see cref="Id"/> is Hutong's own key, <see cref="AppId"/> the public one (<c>wx</c> + 16 hex digits,
/// as WeChat's). <see cref="ReleasedVersionId"/> (numbered <see cref="ReleasedVersion"/>) is the version anyone may
/// open, or null before the first release. <see cref="Kind"/> (one of <c>MiniProgramKinds</c>) never changes.
/// </summary>
public sealed record MiniProgram(
    Guid Id,
    string AppId,
    Guid DeveloperId,
    string Name,
    string Description,
    string Category,
    Guid? IconId,
    IReadOnlyList<string> RequestDomains,
    string SecretHash,
    DateTimeOffset CreatedAt,
    Guid? ReleasedVersionId,
    string? ReleasedVersion,
    string Kind);

/// <summary>A person registered to make mini-programs; <see cref="UserId"/> is also their developer id (their unionid scope).</summary>
public sealed record Developer(Guid UserId, string Name, DateTimeOffset RegisteredAt);

/// <summary>A person on a mini-program's team other than its developer.</summary>
public sealed record Member(Guid UserId, string Role);
