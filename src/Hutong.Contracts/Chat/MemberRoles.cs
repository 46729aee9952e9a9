namespace Hutong.Contracts.Chat;

/// <summary>Roles in a group.</summary>
public static class MemberRoles
{
    public const string Owner = "owner";
    public const string Admin = "admin";
    public const string Member = "member";
}
