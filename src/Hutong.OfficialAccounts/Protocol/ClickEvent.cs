using System.Text;

namespace Hutong.OfficialAccounts.Protocol;

/// <summary>A tap on a menu button of type click; <c>EventKey</c> is the button's key.</summary>
internal sealed record ClickEvent(string ToUserName, string FromUserName, DateTimeOffset CreateTime, string Key)
    : PushEvent(ToUserName, FromUserName, CreateTime)
{
    public override string Event => "CLICK";

    private protected override void AppendEventFields(StringBuilder xml) => PushXml.AppendCData(xml, "EventKey", Key);
}
