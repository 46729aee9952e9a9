using System.Globalization;
using System.Text;

namespace Hutong.Core.Text;

/// <summary>
/// Rules for the short texts that name someone or something to other people (display names, remarks, tags, group
/// names, greetings): what they show must be what they are. Invisible formatting characters that reorder or hide text
/// (bidirectional overrides and isolates, zero-width spaces, word joiners, soft hyphens) are removed, because
/// "Zoë \u202Eevil\u202C" would show as "Zoë live"; what joins emoji and letters (ZWJ, ZWNJ, variation selectors,
/// the tags of a subdivision flag) stays. A name must keep at least one visible character.
/// </summary>
public static class NameText
{
    /// <summary>Trims and removes the disguising format characters; never fails.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var cleaned = new StringBuilder(text.Length);
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            var flag = element.StartsWith("\U0001F3F4", StringComparison.Ordinal);
            foreach (var rune in element.EnumerateRunes())
            {
                if (Keeps(rune, flag))
                {
                    cleaned.Append(rune.ToString());
                }
            }
        }

        return cleaned.ToString().Trim();
    }

    /// <summary>True when nothing in the text would show: only spaces, fillers and marks with nothing to sit on.</summary>
    public static bool IsBlank(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (Visible(rune))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the text has a control character (NUL, escape, a line break in a name).</summary>
    public static bool HasControl(string text) => text.Any(char.IsControl);

    /// <summary>
    /// True when a message's text has a control character other than a tab or a line break: NUL and its kin corrupt
    /// what other clients, logs and exports do with the text, and no one types them.
    /// </summary>
    public static bool HasControlInMessage(string text) => text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));

    private static bool Keeps(Rune rune, bool inFlag)
    {
        if (Rune.GetUnicodeCategory(rune) != UnicodeCategory.Format)
        {
            return true;
        }

        return rune.Value switch
        {
            0x200C or 0x200D => true, // ZWNJ and ZWJ shape scripts and join emoji.
            >= 0xE0020 and <= 0xE007F => inFlag, // Tags spell out a subdivision flag, and hide text anywhere else.
            _ => false,
        };
    }

    private static bool Visible(Rune rune)
    {
        if (Rune.IsWhiteSpace(rune))
        {
            return false;
        }

        switch (rune.Value)
        {
            // Characters that are letters or symbols on paper but draw nothing.
            case 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800 or 0x180E or 0x034F:
                return false;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Format or UnicodeCategory.Control or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
                or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned => false,
            _ => true,
        };
    }
}
