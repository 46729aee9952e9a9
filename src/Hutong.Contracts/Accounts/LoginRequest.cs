namespace Hutong.Contracts.Accounts;

/// <summary><c>POST /api/v1/sessions</c>: logs a device in.</summary>
public sealed record LoginRequest(string Handle, string Password, string? DeviceName);
