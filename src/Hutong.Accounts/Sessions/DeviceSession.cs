namespace Hutong.Accounts.Sessions;

/// <summary>A signed-in device. Only the SHA-256 of its token is kept; revoking a device deletes its session.</summary>
public sealed record DeviceSession(
    Guid DeviceId,
    Guid UserId,
    string Name,
    byte[] TokenHash,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastSeenAt);
