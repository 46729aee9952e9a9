namespace Hutong.Contracts.Accounts;

/// <summary>The created account.</summary>
public sealed record SignUpResponse(string UserId, string Handle, string DisplayName);
