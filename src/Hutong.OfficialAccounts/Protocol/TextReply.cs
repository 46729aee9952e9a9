namespace Hutong.OfficialAccounts.Protocol;

internal sealed record TextReply(DateTimeOffset CreateTime, string Content) : PassiveReply(CreateTime);
