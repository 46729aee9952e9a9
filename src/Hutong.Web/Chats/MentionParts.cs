using Hutong.Contracts.Chat.Content;
using Hutong.Web.Contacts;

namespace Hutong.Web.Chats;

/// <summary>Splits a message's text so that the @names it mentions can be shown as mentions.</summary>
public static class MentionParts
{
    public readonly record struct Part(string Text, bool Mention);

    public static IReadOnlyList<Part> Split(TextContent message, People people)
    {
        var names = (message.Mentions ?? []).Select(id => "@" + people.Name(id)).ToList();
        var text = message.Text ?? string.Empty;
        if (message.MentionsAll)
        {
            names.Add(Composer.AllToken);
        }

        if (names.Count == 0)
        {
            return [new Part(text, false)];
        }

        var parts = new List<Part>();
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            // A whole @name only: "@Al" does not light up the start of "@Alice".
            var name = text[i] == '@'
                ? names.Where(n => string.CompareOrdinal(text, i, n, 0, n.Length) == 0 && (i + n.Length == text.Length || !char.IsLetterOrDigit(text[i + n.Length]))).MaxBy(n => n.Length)
                : null;
            if (name is null)
            {
                i++;
                continue;
            }

            if (i > start)
            {
                parts.Add(new Part(text[start..i], false));
            }

            parts.Add(new Part(name, true));
            i += name.Length;
            start = i;
        }

        if (start < text.Length)
        {
            parts.Add(new Part(text[start..], false));
        }

        return parts;
    }
}
