using System.Text;

namespace Hutong.OfficialAccounts.Protocol;

/// <summary>
/// Something Hutong pushes to a developer's URL: a follower's message or an event. <see cref="ToUserName"/> is the
/// account's original id (<c>gh_…</c>), <see cref="FromUserName"/> the follower's openid.
/// </summary>
internal abstract record PushMessage(string ToUserName, string FromUserName, DateTimeOffset CreateTime)
{
    /// <summary>WeChat's <c>MsgType</c>: text, image, voice, location, link or event.</summary>
    public abstract string MsgType { get; }

    /// <summary>The plaintext-mode body.</summary>
    public string ToXml() => Write(encrypt: null);

    /// <summary>The compatible-mode body: the plaintext fields and, last, the same message encrypted.</summary>
    public string ToCompatibleXml(string encrypt) => Write(encrypt);

    /// <summary>The fields after <c>MsgType</c>, in the order WeChat's documentation shows them.</summary>
    private protected abstract void AppendFields(StringBuilder xml);

    private string Write(string? encrypt)
    {
        var xml = new StringBuilder("<xml>");
        PushXml.AppendCData(xml, "ToUserName", ToUserName);
        PushXml.AppendCData(xml, "FromUserName", FromUserName);
        PushXml.AppendNumber(xml, "CreateTime", CreateTime.ToUnixTimeSeconds());
        PushXml.AppendCData(xml, "MsgType", MsgType);
        AppendFields(xml);
        if (encrypt is not null)
        {
            PushXml.AppendCData(xml, "Encrypt", encrypt);
        }

        return xml.Append("</xml>").ToString();
    }
}
