using System.Text;

namespace Hutong.OfficialAccounts.Protocol;

internal sealed record LinkMessage(string ToUserName, string FromUserName, DateTimeOffset CreateTime, string Title, string Description, string Url, long MsgId)
    : PushMessage(ToUserName, FromUserName, CreateTime)
{
    public override string MsgType => "link";

    private protected override void AppendFields(StringBuilder xml)
    {
        PushXml.AppendCData(xml, "Title", Title);
        PushXml.AppendCData(xml, "Description", Description);
        PushXml.AppendCData(xml, "Url", Url);
        PushXml.AppendNumber(xml, "MsgId", MsgId);
    }
}
