namespace Hutong.Contracts.Accounts;

/// <summary>
/// What anyone signed in may see of a person. <see cref="AvatarUrl"/> is a path of this node's media API, fetched with
/// the caller's token. A deleted account keeps its id (its messages stay for others) and shows as
/// <see cref="Deleted"/>, with no handle, name or avatar.
/// </summary>
public sealed record PublicProfile(string UserId, string Handle, string DisplayName, string? AvatarUrl, bool Deleted = false);
