using System.Globalization;
using System.Text;
using System.Xml;

namespace Hutong.OfficialAccounts.Protocol;

/// <summary>
/// How WeChat writes the XML it pushes: a bare <c>&lt;xml&gt;</c> root, no declaration, no whitespace between
/// elements, every string in CDATA and every number bare. SDKs parse it with whatever reader they have, so Hutong
/// writes it exactly as WeChat's published examples do.
/// </summary>
internal static class PushXml
{
    /// <summary>The safe-mode body: only the account's original id and the ciphertext.</summary>
    public static string Envelope(string toUserName, string encrypt)
    {
        var xml = new StringBuilder("<xml>");
        AppendCData(xml, "ToUserName", toUserName);
        AppendCData(xml, "Encrypt", encrypt);
        return xml.Append("</xml>").ToString();
    }

    public static void AppendCData(StringBuilder xml, string name, string value)
    {
        xml.Append('<').Append(name).Append("><![CDATA[");
        // "]]>" would end the section early: end it after "]]" and open another for ">", which readers join back up.
        xml.Append(XmlChars(value).Replace("]]>", "]]]]><![CDATA[>", StringComparison.Ordinal));
        xml.Append("]]></").Append(name).Append('>');
    }

    public static void AppendNumber(StringBuilder xml, string name, long value) =>
        AppendRaw(xml, name, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Decimal rather than double: it never prints an exponent, and coordinates keep the digits they came with.</summary>
    public static void AppendNumber(StringBuilder xml, string name, decimal value) =>
        AppendRaw(xml, name, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Escaped text without CDATA, for the fields WeChat writes bare (a reply's <c>TimeStamp</c>).</summary>
    public static void AppendText(StringBuilder xml, string name, string value)
    {
        xml.Append('<').Append(name).Append('>');
        foreach (var c in XmlChars(value))
        {
            switch (c)
            {
                case '&':
                    xml.Append("&amp;");
                    break;
                case '<':
                    xml.Append("&lt;");
                    break;
                case '>':
                    xml.Append("&gt;");
                    break;
                default:
                    xml.Append(c);
                    break;
            }
        }

        xml.Append("</").Append(name).Append('>');
    }

    private static void AppendRaw(StringBuilder xml, string name, string value) =>
        xml.Append('<').Append(name).Append('>').Append(value).Append("</").Append(name).Append('>');

    /// <summary>
    /// The value without the characters XML 1.0 cannot carry even in CDATA (most control characters, lone
    /// surrogates). A follower can type them; left in, they would make the developer's parser refuse the whole push.
    /// </summary>
    private static string XmlChars(string value)
    {
        if (IsXmlSafe(value))
        {
            return value;
        }

        var kept = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (i + 1 < value.Length && XmlConvert.IsXmlSurrogatePair(value[i + 1], value[i]))
            {
                kept.Append(value, i, 2);
                i++;
            }
            else if (XmlConvert.IsXmlChar(value[i]))
            {
                kept.Append(value[i]);
            }
        }

        return kept.ToString();
    }

    private static bool IsXmlSafe(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (i + 1 < value.Length && XmlConvert.IsXmlSurrogatePair(value[i + 1], value[i]))
            {
                i++;
            }
            else if (!XmlConvert.IsXmlChar(value[i]))
            {
                return false;
            }
        }

        return true;
    }
}
