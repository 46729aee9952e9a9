namespace Hutong.Contracts.Accounts;

/// <summary><c>POST /api/v1/accounts</c>.</summary>
public sealed record SignUpRequest(string Handle, string Password, string DisplayName);

/// <summary>The created account.</summary>
public sealed record SignUpResponse(string UserId, string Handle, string DisplayName);

/// <summary><c>POST /api/v1/sessions</c>: logs a device in.</summary>
public sealed record LoginRequest(string Handle, string Password, string? DeviceName);

/// <summary>A new device session. The token is shown once; the server keeps only its hash.</summary>
public sealed record LoginResponse(string Token, string UserId, string DeviceId);

/// <summary>The caller's own profile.</summary>
public sealed record MeResponse(string UserId, string Handle, string DisplayName, string? AvatarUrl);

/// <summary><c>PATCH /api/v1/me</c>: fields left null are unchanged.</summary>
public sealed record UpdateProfileRequest(string? DisplayName, string? AvatarUrl);

/// <summary>What anyone signed in may see of a person.</summary>
public sealed record PublicProfile(string UserId, string Handle, string DisplayName, string? AvatarUrl);

/// <summary>One of the caller's signed-in devices.</summary>
public sealed record DeviceInfo(string DeviceId, string Name, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, bool Current);

/// <summary>The caller's devices, most recently seen first.</summary>
public sealed record DeviceList(IReadOnlyList<DeviceInfo> Devices);
