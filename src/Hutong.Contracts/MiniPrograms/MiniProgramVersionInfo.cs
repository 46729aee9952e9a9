namespace Hutong.Contracts.MiniPrograms;

/// <summary>
/// An uploaded package of a mini-program, in one of the <see cref="MiniProgramVersionStates"/>. <see cref="Pages"/>
/// lists its pages in the order of its <c>app.json</c>; <see cref="Size"/> is the package's bytes.
/// </summary>
public sealed record MiniProgramVersionInfo(
    string Id,
    string Version,
    string Note,
    string State,
    string UploadedBy,
    DateTimeOffset UploadedAt,
    long Size,
    IReadOnlyList<string> Pages,
    string? ReviewNote = null,
    DateTimeOffset? ReviewedAt = null,
    DateTimeOffset? ReleasedAt = null);

public sealed record MiniProgramVersionList(IReadOnlyList<MiniProgramVersionInfo> Versions);

/// <summary>A version waiting for an operator, with the mini-program it belongs to.</summary>
public sealed record VersionForReview(MiniProgramInfo App, MiniProgramVersionInfo Version, DateTimeOffset SubmittedAt);

public sealed record VersionsInReview(IReadOnlyList<VersionForReview> Waiting);

/// <summary>
/// Where a version stands. Uploads are <see cref="Develop"/>; one at a time is the <see cref="Trial"/>; one at a time
/// is in <see cref="Review"/>; an approved version is released by its team; one at a time is <see cref="Released"/>,
/// and the one before it is <see cref="Retired"/> (a rollback releases it again).
/// </summary>
public static class MiniProgramVersionStates
{
    public const string Develop = "develop";
    public const string Trial = "trial";
    public const string Review = "review";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Released = "released";
    public const string Retired = "retired";
}

/// <summary>
/// What the web client needs to open a mini-program: the version it runs (as WeChat's <c>envVersion</c>:
/// <c>release</c>, <c>trial</c> or <c>develop</c>), the app config compiled from its <c>app.json</c> or <c>game.json</c>
/// (JSON), and where its compiled code is (a short-lived address that needs no sign-in, so the sandboxed frames can load
/// it), and the host module of the runtime for its <see cref="Kind"/> to import (its address names the runtime's
/// version, so it is cached until that changes).
/// </summary>
public sealed record MiniProgramLaunch(
    string AppId,
    string Name,
    string? IconUrl,
    string VersionId,
    string Version,
    string EnvVersion,
    string Config,
    string CodeUrl,
    DateTimeOffset CodeExpiresAt,
    string RuntimeUrl,
    string Kind = MiniProgramKinds.MiniProgram);
