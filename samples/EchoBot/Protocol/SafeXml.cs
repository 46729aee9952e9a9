using System.Diagnostics.CodeAnalysis;
using System.Xml;
using System.Xml.Linq;

namespace EchoBot.Protocol;

/// <summary>
/// Reads the platform's XML with no DTD (so no entity expansion and nothing fetched), with a size limit, and
/// never throws on a bad document.
/// </summary>
internal static class SafeXml
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        MaxCharactersInDocument = 1024 * 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <summary>The <c>&lt;xml&gt;</c> root of <paramref name="text"/>; false for anything else.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out XElement? root)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), Settings);
            root = XElement.Load(reader);
            return root.Name == "xml";
        }
        catch (XmlException)
        {
            root = null;
            return false;
        }
    }

    /// <summary>A field's text without the line breaks and spaces some senders put around values.</summary>
    public static string? Field(XElement parent, string name) => parent.Element(name)?.Value.Trim();
}
