namespace Hutong.OfficialAccounts.Protocol;

/// <summary>An image the developer uploaded first through the media API, named by its media id.</summary>
internal sealed record ImageReply(DateTimeOffset CreateTime, string MediaId) : PassiveReply(CreateTime);
