using System.Globalization;
using System.Xml.Linq;

namespace EchoBot.Protocol;

/// <summary>
/// A message or event the platform pushed, with the fields this bot reads. WeChat's XML is flat, one element per
/// field whatever the kind, so it is read into one record; a field the kind does not have is null.
/// </summary>
/// <param name="ToUserName">The account's original id (<c>gh_…</c>).</param>
/// <param name="FromUserName">The follower's openid for this account.</param>
/// <param name="CreateTime">Unix seconds.</param>
/// <param name="MsgType"><c>text</c>, <c>image</c>, <c>voice</c>, ... or <c>event</c>.</param>
/// <param name="Content">A text message's text, as typed.</param>
/// <param name="MsgId">A message's 64-bit id; events have none.</param>
/// <param name="Event">An event's kind: <c>subscribe</c>, <c>unsubscribe</c>, <c>SCAN</c>, <c>CLICK</c>, ...</param>
/// <param name="EventKey">A menu key, or the scene of a parameter QR code (<c>qrscene_</c> + scene on subscribe).</param>
internal sealed record Push(
    string ToUserName,
    string FromUserName,
    long CreateTime,
    string MsgType,
    string? Content,
    string? MsgId,
    string? Event,
    string? EventKey)
{
    public bool Is(string msgType) => string.Equals(MsgType, msgType, StringComparison.OrdinalIgnoreCase);

    public bool IsEvent(string name) => Is("event") && string.Equals(Event, name, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// What a retry of this push shares with the first delivery: the <c>MsgId</c> of a message; for an event,
    /// <c>FromUserName + CreateTime</c> as WeChat advises, plus the event's kind, because one action can raise two
    /// events in the same second (a follow and a location report, say).
    /// </summary>
    public string RetryKey => string.IsNullOrEmpty(MsgId)
        ? string.Create(CultureInfo.InvariantCulture, $"event:{FromUserName}:{CreateTime}:{Event}")
        : "msg:" + MsgId;

    /// <summary>The push in <paramref name="root"/>; null when a field every push has is missing or malformed.</summary>
    public static Push? Read(XElement root)
    {
        var to = SafeXml.Field(root, "ToUserName");
        var from = SafeXml.Field(root, "FromUserName");
        var type = SafeXml.Field(root, "MsgType");
        if (string.IsNullOrEmpty(to) || string.IsNullOrEmpty(from) || string.IsNullOrEmpty(type)
            || !long.TryParse(SafeXml.Field(root, "CreateTime"), NumberStyles.None, CultureInfo.InvariantCulture, out var createTime))
        {
            return null;
        }

        return new Push(
            to,
            from,
            createTime,
            type,
            // Content keeps the spaces and line breaks the follower typed.
            root.Element("Content")?.Value,
            SafeXml.Field(root, "MsgId"),
            SafeXml.Field(root, "Event"),
            SafeXml.Field(root, "EventKey"));
    }
}
