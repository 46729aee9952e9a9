using System.Text;

namespace Hutong.OfficialAccounts.Protocol;

internal sealed record TextMessage(string ToUserName, string FromUserName, DateTimeOffset CreateTime, string Content, long MsgId)
    : PushMessage(ToUserName, FromUserName, CreateTime)
{
    public override string MsgType => "text";

    private protected override void AppendFields(StringBuilder xml)
    {
        PushXml.AppendCData(xml, "Content", Content);
        PushXml.AppendNumber(xml, "MsgId", MsgId);
    }
}
