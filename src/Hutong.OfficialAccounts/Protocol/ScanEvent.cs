using System.Text;

namespace Hutong.OfficialAccounts.Protocol;

/// <summary>A follower who already follows scanned a parameter QR code: <c>EventKey</c> is the bare scene, unlike a subscribe's.</summary>
internal sealed record ScanEvent(string ToUserName, string FromUserName, DateTimeOffset CreateTime, string Scene, string Ticket)
    : PushEvent(ToUserName, FromUserName, CreateTime)
{
    public override string Event => "SCAN";

    private protected override void AppendEventFields(StringBuilder xml)
    {
        PushXml.AppendCData(xml, "EventKey", Scene);
        PushXml.AppendCData(xml, "Ticket", Ticket);
    }
}
