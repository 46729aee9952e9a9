using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Hutong.OfficialAccounts.Protocol;

/// <summary>
/// Reads XML a developer's server sent back. The body is untrusted: no DTD (so no external entity can read a file or
/// call a URL, and no entity can expand into gigabytes), at most 1 MiB, and a failure is a result, not an exception.
/// </summary>
internal static class SafeXml
{
    public const int MaxBytes = 1024 * 1024;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxBytes,
        MaxCharactersFromEntities = MaxBytes,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <summary>The body without surrounding whitespace or a byte-order mark, which some frameworks put before the XML.</summary>
    public static string Trim(string? body) => body is null ? "" : body.Trim().TrimStart('\uFEFF').TrimStart();

    public static bool TryParse(string? body, [NotNullWhen(true)] out XElement? root, [NotNullWhen(false)] out string? problem)
    {
        root = null;
        var text = Trim(body);
        // Length first: every char is at least one UTF-8 byte, so a long string is refused before it is measured.
        if (text.Length > MaxBytes || Encoding.UTF8.GetByteCount(text) > MaxBytes)
        {
            problem = "the body is larger than 1 MiB";
            return false;
        }

        try
        {
            using var reader = XmlReader.Create(new StringReader(text), Settings);
            root = XDocument.Load(reader).Root;
        }
        catch (XmlException)
        {
            root = null;
        }

        if (root is null)
        {
            problem = "the body is not well-formed XML without a DTD";
            return false;
        }

        problem = null;
        return true;
    }

    /// <summary>A child element's text, CDATA or plain alike, trimmed; null when the element is missing.</summary>
    public static string? Field(XElement parent, string name) => parent.Element(name)?.Value.Trim();
}
