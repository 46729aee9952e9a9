namespace Hutong.Contracts.Chat;

/// <summary>A group's join code as <c>hutong://group/{code}</c>; it works for 7 days and while the group has at most 200 members.</summary>
public sealed record GroupQrInfo(string Code, string Link, DateTimeOffset ExpiresAt);
