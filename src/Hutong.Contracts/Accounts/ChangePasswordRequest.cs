namespace Hutong.Contracts.Accounts;

/// <summary>
/// <c>PUT /api/v1/me/password</c>: the current password proves it is the person; with <see cref="SignOutOtherDevices"/>
/// every other device is signed out at once (the one asking stays in).
/// </summary>
public sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword, bool SignOutOtherDevices);
