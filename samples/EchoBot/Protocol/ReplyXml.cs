using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace EchoBot.Protocol;

/// <summary>
/// Writes replies as WeChat's documentation shows them: a bare <c>&lt;xml&gt;</c> root, To and From swapped from
/// the push, <c>CreateTime</c> in unix seconds, strings in CDATA.
/// </summary>
internal static class ReplyXml
{
    public static string Write(Reply reply, Push push, long createTime)
    {
        var xml = new StringBuilder("<xml>");
        CData(xml, "ToUserName", push.FromUserName);
        CData(xml, "FromUserName", push.ToUserName);
        Number(xml, "CreateTime", createTime);
        switch (reply)
        {
            case TextReply text:
                CData(xml, "MsgType", "text");
                CData(xml, "Content", text.Content);
                break;
            case NewsReply news:
                CData(xml, "MsgType", "news");
                Number(xml, "ArticleCount", news.Articles.Count);
                xml.Append("<Articles>");
                foreach (var article in news.Articles)
                {
                    xml.Append("<item>");
                    CData(xml, "Title", article.Title);
                    CData(xml, "Description", article.Description);
                    CData(xml, "PicUrl", article.PicUrl.AbsoluteUri);
                    CData(xml, "Url", article.Url.AbsoluteUri);
                    xml.Append("</item>");
                }

                xml.Append("</Articles>");
                break;
            default:
                throw new UnreachableException($"{reply.GetType().Name} has no XML body.");
        }

        return xml.Append("</xml>").ToString();
    }

    /// <summary>The encrypted reply to an encrypted push.</summary>
    public static string Envelope(string encrypt, string msgSignature, string timestamp, string nonce)
    {
        var xml = new StringBuilder("<xml>");
        CData(xml, "Encrypt", encrypt);
        CData(xml, "MsgSignature", msgSignature);
        // The push's own timestamp, which PushHandler checked is all digits.
        xml.Append("<TimeStamp>").Append(timestamp).Append("</TimeStamp>");
        CData(xml, "Nonce", nonce);
        return xml.Append("</xml>").ToString();
    }

    private static void CData(StringBuilder xml, string name, string value)
    {
        xml.Append('<').Append(name).Append("><![CDATA[");
        // "]]>" would end the section early: close it after "]]" and open another for ">"; readers join them up.
        xml.Append(value.Replace("]]>", "]]]]><![CDATA[>", StringComparison.Ordinal));
        xml.Append("]]></").Append(name).Append('>');
    }

    private static void Number(StringBuilder xml, string name, long value) =>
        xml.Append('<').Append(name).Append('>').Append(value.ToString(CultureInfo.InvariantCulture)).Append("</").Append(name).Append('>');
}
