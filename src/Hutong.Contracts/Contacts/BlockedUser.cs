namespace Hutong.Contracts.Contacts;

/// <summary>A person the caller has blocked.</summary>
public sealed record BlockedUser(string UserId, string Handle, string DisplayName, DateTimeOffset Since);
