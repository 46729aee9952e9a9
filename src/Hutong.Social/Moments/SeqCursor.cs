using System.Globalization;
using Hutong.Core.Errors;

namespace Hutong.Social.Moments;

/// <summary>The cursor of a page in storage's order: "s" and the seq of the last item, opaque to clients.</summary>
internal static class SeqCursor
{
    public static string Format(long seq) => "s" + seq.ToString(CultureInfo.InvariantCulture);

    public static long? Parse(FieldErrors errors, string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        if (cursor.Length < 22 && cursor[0] == 's'
            && long.TryParse(cursor.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var seq) && seq > 0)
        {
            return seq;
        }

        errors.Add("cursor", "The cursor is not one this server gave out.");
        return null;
    }
}
