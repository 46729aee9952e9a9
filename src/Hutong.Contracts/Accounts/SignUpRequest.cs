namespace Hutong.Contracts.Accounts;

/// <summary><c>POST /api/v1/accounts</c>.</summary>
public sealed record SignUpRequest(string Handle, string Password, string DisplayName);
