namespace Hutong.Contracts.MiniPrograms;

/// <summary>
/// A mini-program as a person sees it. <see cref="Admin"/> is set only for its developer, collaborators and testers.
/// <see cref="Released"/> is the version anyone can open, or null before the first release.
/// </summary>
public sealed record MiniProgramInfo(
    string AppId,
    string Name,
    string Description,
    string Category,
    string? IconUrl,
    string? Released,
    MiniProgramAdminInfo? Admin = null);

/// <summary>What the people who make a mini-program see: their own role, its request domains and its team.</summary>
public sealed record MiniProgramAdminInfo(
    string Role,
    string DeveloperId,
    IReadOnlyList<string> RequestDomains,
    IReadOnlyList<MiniProgramMember> Members,
    DateTimeOffset CreatedAt);

/// <summary>A person on a mini-program's team, in one of the <see cref="MiniProgramRoles"/>.</summary>
public sealed record MiniProgramMember(string UserId, string Role);

public sealed record MiniProgramList(IReadOnlyList<MiniProgramInfo> Apps);

/// <summary>The answer to creating a mini-program: the secret is shown this once (a reset makes a new one).</summary>
public sealed record CreatedMiniProgram(MiniProgramInfo App, string AppSecret);

/// <summary>A developer: a person who registered to make mini-programs, under a public name.</summary>
public sealed record DeveloperInfo(string UserId, string Name, DateTimeOffset RegisteredAt);

public static class MiniProgramRoles
{
    /// <summary>The person who created it: everything, including the secret and the team.</summary>
    public const string Developer = "developer";

    /// <summary>Uploads, submits and releases versions; opens develop and trial versions.</summary>
    public const string Collaborator = "collaborator";

    /// <summary>Opens the trial version; changes nothing.</summary>
    public const string Tester = "tester";
}
