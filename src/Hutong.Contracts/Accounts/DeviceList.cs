namespace Hutong.Contracts.Accounts;

/// <summary>The caller's devices, most recently seen first.</summary>
public sealed record DeviceList(IReadOnlyList<DeviceInfo> Devices);
