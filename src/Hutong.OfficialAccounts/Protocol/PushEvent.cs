using System.Text;

namespace Hutong.OfficialAccounts.Protocol;

/// <summary>An event push: <c>MsgType</c> is <c>event</c> and <c>Event</c> names which.</summary>
internal abstract record PushEvent(string ToUserName, string FromUserName, DateTimeOffset CreateTime)
    : PushMessage(ToUserName, FromUserName, CreateTime)
{
    public sealed override string MsgType => "event";

    /// <summary>WeChat's <c>Event</c>, in WeChat's case: subscribe, unsubscribe, SCAN, CLICK, VIEW.</summary>
    public abstract string Event { get; }

    private protected sealed override void AppendFields(StringBuilder xml)
    {
        PushXml.AppendCData(xml, "Event", Event);
        AppendEventFields(xml);
    }

    private protected virtual void AppendEventFields(StringBuilder xml)
    {
    }
}
