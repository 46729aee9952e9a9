namespace Hutong.Contracts.MiniPrograms;

/// <summary>
/// A mini-program as a person sees it; <see cref="Kind"/> is one of <see cref="MiniProgramKinds"/>. <see cref="Admin"/> is set only for its developer, collaborators and testers.
/// <see cref="Released"/> is the version anyone can open, or null before the first release.
/// </summary>
public sealed record MiniProgramInfo(
    string AppId,
    string Name,
    string Description,
    string Category,
    string? IconUrl,
    string? Released,
    MiniProgramAdminInfo? Admin = null,
    string Kind = MiniProgramKinds.MiniProgram);

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

/// <summary>What an app is, which decides its package and the runtime that opens it; set when it is made.</summary>
public static class MiniProgramKinds
{
    /// <summary>Pages of WXML, WXSS and JavaScript (<c>app.json</c>), on the page runtime.</summary>
    public const string MiniProgram = "miniProgram";

    /// <summary>A canvas game (<c>game.json</c>, <c>game.js</c>), on the game runtime.</summary>
    public const string Game = "game";

    /// <summary>An interactive story written in Ink and published from the story studio, on the built-in story player.</summary>
    public const string Story = "story";
}
