using System.Globalization;
using System.Text;

namespace Hutong.Samples.Tests.EchoBot;

/// <summary>Pushes as WeChat's documentation shows them: a bare &lt;xml&gt; root, strings in CDATA, numbers bare.</summary>
internal static class Pushes
{
    /// <summary>The account's original id.</summary>
    public const string Account = "gh_3f2a9c41d7e0";

    public static string Text(string openId, long createTime, string content, long msgId) =>
        Xml(openId, createTime, "text", ("Content", content), ("MsgId", msgId));

    public static string Image(string openId, long createTime, long msgId) =>
        Xml(openId, createTime, "image", ("PicUrl", "http://127.0.0.1/pic.png"), ("MediaId", "media-1"), ("MsgId", msgId));

    public static string Voice(string openId, long createTime, long msgId) =>
        Xml(openId, createTime, "voice", ("MediaId", "media-2"), ("Format", "amr"), ("MsgId", msgId));

    public static string Event(string openId, long createTime, string name, string? eventKey = null) => eventKey is null
        ? Xml(openId, createTime, "event", ("Event", name))
        : Xml(openId, createTime, "event", ("Event", name), ("EventKey", eventKey));

    private static string Xml(string openId, long createTime, string msgType, params (string Name, object Value)[] fields)
    {
        var xml = new StringBuilder("<xml>");
        xml.Append(CultureInfo.InvariantCulture, $"<ToUserName><![CDATA[{Account}]]></ToUserName><FromUserName><![CDATA[{openId}]]></FromUserName>");
        xml.Append(CultureInfo.InvariantCulture, $"<CreateTime>{createTime}</CreateTime><MsgType><![CDATA[{msgType}]]></MsgType>");
        foreach (var (name, value) in fields)
        {
            xml.Append(value is string text
                ? $"<{name}>{CData(text)}</{name}>"
                : string.Create(CultureInfo.InvariantCulture, $"<{name}>{value}</{name}>"));
        }

        return xml.Append("</xml>").ToString();
    }

    /// <summary>A CDATA section that survives "]]&gt;" in the text: it ends after "]]" and a new one opens for "&gt;".</summary>
    private static string CData(string text) => "<![CDATA[" + text.Replace("]]>", "]]]]><![CDATA[>", StringComparison.Ordinal) + "]]>";
}
