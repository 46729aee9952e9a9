using System.Text;

namespace Hutong.OfficialAccounts.Protocol;

internal sealed record ImageMessage(string ToUserName, string FromUserName, DateTimeOffset CreateTime, string PicUrl, string MediaId, long MsgId)
    : PushMessage(ToUserName, FromUserName, CreateTime)
{
    public override string MsgType => "image";

    private protected override void AppendFields(StringBuilder xml)
    {
        PushXml.AppendCData(xml, "PicUrl", PicUrl);
        PushXml.AppendCData(xml, "MediaId", MediaId);
        PushXml.AppendNumber(xml, "MsgId", MsgId);
    }
}
