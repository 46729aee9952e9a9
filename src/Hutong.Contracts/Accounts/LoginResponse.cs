namespace Hutong.Contracts.Accounts;

/// <summary>A new device session. The token is shown once; the server keeps only its hash.</summary>
public sealed record LoginResponse(string Token, string UserId, string DeviceId);
