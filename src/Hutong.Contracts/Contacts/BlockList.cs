namespace Hutong.Contracts.Contacts;

/// <summary>The caller's block list.</summary>
public sealed record BlockList(IReadOnlyList<BlockedUser> Blocked);
