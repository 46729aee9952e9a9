using System.Text;

namespace Hutong.OfficialAccounts.Protocol;

/// <summary>
/// A follow. Through a parameter QR code it carries the code's <see cref="Scene"/>, written as
/// <c>EventKey</c> = <c>qrscene_</c> + scene, and the code's <see cref="Ticket"/>; a plain follow carries neither.
/// </summary>
internal sealed record SubscribeEvent(string ToUserName, string FromUserName, DateTimeOffset CreateTime, string? Scene = null, string? Ticket = null)
    : PushEvent(ToUserName, FromUserName, CreateTime)
{
    public const string ScenePrefix = "qrscene_";

    public override string Event => "subscribe";

    private protected override void AppendEventFields(StringBuilder xml)
    {
        if (Scene is not null)
        {
            PushXml.AppendCData(xml, "EventKey", ScenePrefix + Scene);
        }

        if (Ticket is not null)
        {
            PushXml.AppendCData(xml, "Ticket", Ticket);
        }
    }
}
