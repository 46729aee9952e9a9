namespace Hutong.OfficialAccounts.Protocol;

internal sealed record UnsubscribeEvent(string ToUserName, string FromUserName, DateTimeOffset CreateTime)
    : PushEvent(ToUserName, FromUserName, CreateTime)
{
    public override string Event => "unsubscribe";
}
