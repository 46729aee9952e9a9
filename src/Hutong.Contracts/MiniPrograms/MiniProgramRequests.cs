namespace Hutong.Contracts.MiniPrograms;

public sealed record RegisterDeveloperRequest(string Name);

/// <summary>
/// A new mini-program. <see cref="RequestDomains"/> are the https origins <c>wx.request</c> may reach, as host names
/// (<c>api.example.com</c>) or origins (<c>https://api.example.com:8443</c>). <see cref="Kind"/> is
/// <see cref="MiniProgramKinds.MiniProgram"/> (the default) or <see cref="MiniProgramKinds.Game"/>; stories are made
/// by publishing from the story studio.
/// </summary>
public sealed record CreateMiniProgramRequest(
    string Name,
    string? Description = null,
    string? Category = null,
    IReadOnlyList<string>? RequestDomains = null,
    string? Kind = null);

/// <summary>Changes to a mini-program; a null field stays as it is. <see cref="IconId"/> is an uploaded image's media id.</summary>
public sealed record UpdateMiniProgramRequest(
    string? Name = null,
    string? Description = null,
    string? Category = null,
    IReadOnlyList<string>? RequestDomains = null,
    string? IconId = null);

/// <summary>Puts a person on the team in a role (<see cref="MiniProgramRoles.Collaborator"/> or <see cref="MiniProgramRoles.Tester"/>).</summary>
public sealed record SetMemberRequest(string Role);

/// <summary>An operator's reason for sending a version back.</summary>
public sealed record RejectVersionRequest(string Reason);
