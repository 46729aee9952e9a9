namespace Hutong.Accounts.Contacts;

/// <summary>What changed: <see cref="ActorId"/> did <see cref="Kind"/> to or with <see cref="OtherId"/>.</summary>
public sealed record ContactChange(ContactChangeKind Kind, Guid ActorId, Guid OtherId, Guid? RequestId = null);
