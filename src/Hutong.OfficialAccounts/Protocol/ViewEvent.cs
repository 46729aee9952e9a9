using System.Text;

namespace Hutong.OfficialAccounts.Protocol;

/// <summary>A tap on a menu button of type view; <c>EventKey</c> is the URL the follower was sent to.</summary>
internal sealed record ViewEvent(string ToUserName, string FromUserName, DateTimeOffset CreateTime, string Url)
    : PushEvent(ToUserName, FromUserName, CreateTime)
{
    public override string Event => "VIEW";

    private protected override void AppendEventFields(StringBuilder xml) => PushXml.AppendCData(xml, "EventKey", Url);
}
