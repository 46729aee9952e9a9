namespace Hutong.MiniPrograms.Versions;

/// <summary>
/// An uploaded package of a mini-program and where it stands (<c>MiniProgramVersionStates</c>). <see cref="Config"/>
/// is the app config compiled from its <c>app.json</c>; <see cref="Code"/> says where its compiled code is kept.
/// </summary>
public sealed record AppVersion(
    Guid Id,
    Guid AppKey,
    string Version,
    string Note,
    string State,
    Guid UploadedBy,
    DateTimeOffset UploadedAt,
    long Size,
    IReadOnlyList<string> Pages,
    string Config,
    VersionCode Code,
    string? ReviewNote = null,
    DateTimeOffset? SubmittedAt = null,
    DateTimeOffset? ReviewedAt = null,
    DateTimeOffset? ReleasedAt = null);

/// <summary>
/// A version's compiled code in the blob store, by SHA-256: the uploaded zip as it came, the view frames' templates
/// and styles, the logic bundle, the view's WXS script, and each asset (image, font, media) by its path in the package.
/// A game has no view or WXS (both empty): its <see cref="LogicSha"/> is <c>game.js</c>, and <see cref="OpenDataSha"/>
/// its open data context's bundle, when it has one. A story has no logic or WXS (both empty): <see cref="PackageSha"/>
/// is its Ink source, <see cref="ViewSha"/> its compiled <c>story.json</c>, and its assets are its images by name.
/// </summary>
public sealed record VersionCode(
    string PackageSha, string ViewSha, string LogicSha, string WxsSha, IReadOnlyDictionary<string, string> Assets, string? OpenDataSha = null);
