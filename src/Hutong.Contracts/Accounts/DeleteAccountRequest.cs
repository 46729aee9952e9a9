namespace Hutong.Contracts.Accounts;

/// <summary><c>DELETE /api/v1/me</c>: the password, so a device left signed in cannot delete the account.</summary>
public sealed record DeleteAccountRequest(string Password);
