namespace Hutong.Contracts.Chat;

/// <summary>A member as other members see them.</summary>
public sealed record MemberInfo(string UserId, string Handle, string DisplayName, string? AvatarUrl, string Role, DateTimeOffset JoinedAt);
