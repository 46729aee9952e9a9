using System.Globalization;
using System.Text;

namespace Hutong.MiniPrograms.Compiler;

/// <summary>The character references WXML decodes in text and attribute values; an unknown one stays as written.</summary>
internal static class Entities
{
    private static readonly Dictionary<string, string> Named = new(StringComparer.Ordinal)
    {
        ["amp"] = "&",
        ["lt"] = "<",
        ["gt"] = ">",
        ["quot"] = "\"",
        ["apos"] = "'",
        ["nbsp"] = "\u00A0",
    };

    public static string Decode(string text)
    {
        if (!text.Contains('&', StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var semicolon = text[i] == '&' ? text.IndexOf(';', i + 1) : -1;
            if (semicolon > i + 1 && semicolon - i <= 10 && TryDecode(text[(i + 1)..semicolon], out var decoded))
            {
                builder.Append(decoded);
                i = semicolon + 1;
            }
            else
            {
                builder.Append(text[i++]);
            }
        }

        return builder.ToString();
    }

    private static bool TryDecode(string name, out string decoded)
    {
        if (Named.TryGetValue(name, out decoded!))
        {
            return true;
        }

        if (name.Length > 1 && name[0] == '#')
        {
            var hex = name[1] is 'x' or 'X';
            var digits = hex ? name[2..] : name[1..];
            var style = hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None;
            if (digits.Length > 0 && int.TryParse(digits, style, CultureInfo.InvariantCulture, out var code) && code is > 0 and <= 0x10FFFF && code is not (>= 0xD800 and <= 0xDFFF))
            {
                decoded = char.ConvertFromUtf32(code);
                return true;
            }
        }

        decoded = "";
        return false;
    }
}
