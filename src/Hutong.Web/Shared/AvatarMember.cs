namespace Hutong.Web.Shared;

/// <summary>One member's tile in a group's composite picture.</summary>
public sealed record AvatarMember(string Name, string Seed, string? Url);
