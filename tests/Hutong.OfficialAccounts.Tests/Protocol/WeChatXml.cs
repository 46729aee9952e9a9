using System.Xml.Linq;

namespace Hutong.OfficialAccounts.Tests.Protocol;

/// <summary>
/// Reads XML the way an SDK does, to check what Hutong writes: each leaf element as <c>Name=kind:value</c> in
/// document order, where kind is <c>cdata</c> when the value sits in CDATA and <c>text</c> when it is bare. Nested
/// elements show as <c>Parent/Child</c>. Whitespace between elements is not content, as for every WeChat SDK.
/// </summary>
internal static class WeChatXml
{
    public static IReadOnlyList<string> Fields(string xml)
    {
        var root = XDocument.Parse(xml).Root!;
        Assert.Equal("xml", root.Name.LocalName);
        var fields = new List<string>();
        Collect(root, "", fields);
        return fields;
    }

    private static void Collect(XElement parent, string prefix, List<string> fields)
    {
        foreach (var element in parent.Elements())
        {
            var name = prefix + element.Name.LocalName;
            if (element.HasElements)
            {
                Collect(element, name + "/", fields);
                continue;
            }

            var kind = element.Nodes().Any(n => n is XCData) ? "cdata" : "text";
            fields.Add($"{name}={kind}:{element.Value}");
        }
    }
}
