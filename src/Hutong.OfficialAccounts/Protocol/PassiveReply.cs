namespace Hutong.OfficialAccounts.Protocol;

/// <summary>A reply a developer's server put in its HTTP response to a push, shown to the follower as the account's message.</summary>
internal abstract record PassiveReply(DateTimeOffset CreateTime);
