namespace Hutong.Contracts.Accounts;

/// <summary>One of the caller's signed-in devices.</summary>
public sealed record DeviceInfo(string DeviceId, string Name, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, bool Current);
