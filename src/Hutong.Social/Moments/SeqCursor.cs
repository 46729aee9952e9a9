using System.Globalization;
using Hutong.Core.Errors;

namespace Hutong.Social.Moments;

/// <summary>The cursor of a page in storage's order: "s" and the seq of the last item, opaque to clients.</summary>
internal static class SeqCursor
{
    /// <summary>A page's size (1 to <paramref name="max"/>) and where it starts, or the fields that are wrong.</summary>
    public static Result<(int Take, long? Before)> Page(int? limit, string? cursor, int defaultSize, int max)
    {
        var errors = new FieldErrors();
        var take = limit ?? defaultSize;
        if (take is < 1 || take > max)
        {
            errors.Add("limit", $"limit is 1 to {max}.");
        }

        var before = Parse(errors, cursor);
        return errors.Any ? errors.ToError() : (take, before);
    }

    public static string Format(long seq) => "s" + seq.ToString(CultureInfo.InvariantCulture);

    private static long? Parse(FieldErrors errors, string? cursor)
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
