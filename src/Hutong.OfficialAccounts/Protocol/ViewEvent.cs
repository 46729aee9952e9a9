using System.Text;

namespace Hutong.OfficialAccounts.Protocol;

/// <summary>
/// A tap on a menu button of type view; <c>EventKey</c> is the URL the follower was sent to and <c>MenuId</c> the menu
/// it was on, as WeChat's example has them.
/// </summary>
internal sealed record ViewEvent(string ToUserName, string FromUserName, DateTimeOffset CreateTime, string Url, long MenuId)
    : PushEvent(ToUserName, FromUserName, CreateTime)
{
    public override string Event => "VIEW";

    private protected override void AppendEventFields(StringBuilder xml)
    {
        PushXml.AppendCData(xml, "EventKey", Url);
        PushXml.AppendNumber(xml, "MenuId", MenuId);
    }
}
