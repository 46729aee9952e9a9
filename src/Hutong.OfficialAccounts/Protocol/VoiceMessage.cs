using System.Text;

namespace Hutong.OfficialAccounts.Protocol;

/// <summary>A voice message; <see cref="Format"/> is the codec name WeChat uses (amr, speex).</summary>
internal sealed record VoiceMessage(string ToUserName, string FromUserName, DateTimeOffset CreateTime, string MediaId, string Format, long MsgId)
    : PushMessage(ToUserName, FromUserName, CreateTime)
{
    public override string MsgType => "voice";

    private protected override void AppendFields(StringBuilder xml)
    {
        PushXml.AppendCData(xml, "MediaId", MediaId);
        PushXml.AppendCData(xml, "Format", Format);
        PushXml.AppendNumber(xml, "MsgId", MsgId);
    }
}
