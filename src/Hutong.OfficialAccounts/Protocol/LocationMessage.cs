using System.Text;

namespace Hutong.OfficialAccounts.Protocol;

/// <summary>A shared location: <c>Location_X</c> is the latitude and <c>Location_Y</c> the longitude, as in WeChat.</summary>
internal sealed record LocationMessage(
    string ToUserName,
    string FromUserName,
    DateTimeOffset CreateTime,
    decimal Latitude,
    decimal Longitude,
    int Scale,
    string Label,
    long MsgId)
    : PushMessage(ToUserName, FromUserName, CreateTime)
{
    public override string MsgType => "location";

    private protected override void AppendFields(StringBuilder xml)
    {
        PushXml.AppendNumber(xml, "Location_X", Latitude);
        PushXml.AppendNumber(xml, "Location_Y", Longitude);
        PushXml.AppendNumber(xml, "Scale", Scale);
        PushXml.AppendCData(xml, "Label", Label);
        PushXml.AppendNumber(xml, "MsgId", MsgId);
    }
}
