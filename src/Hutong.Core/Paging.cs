using System.Globalization;
using System.Text;
using Hutong.Core.Errors;

namespace Hutong.Core;

/// <summary>
/// The <c>?limit=&amp;cursor=</c> convention of docs/api.md. The cursor is opaque to clients; for the bounded lists it serves
/// (friends, requests) it holds an offset, which a later change may replace without breaking anyone.
/// </summary>
public readonly record struct Paging(int Offset, int Limit)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static Result<Paging> Parse(int? limit, string? cursor)
    {
        var errors = new FieldErrors();
        var take = limit ?? DefaultLimit;
        if (take is < 1 or > MaxLimit)
        {
            errors.Add("limit", $"limit is 1 to {MaxLimit}.");
        }

        var offset = 0;
        if (!string.IsNullOrEmpty(cursor) && !TryDecode(cursor, out offset))
        {
            errors.Add("cursor", "The cursor is not one this server gave out.");
        }

        return errors.Any ? errors.ToError() : new Paging(offset, take);
    }

    /// <summary>The cursor for the page after one that returned <paramref name="returned"/> items, null at the end.</summary>
    public string? Next(int returned, bool more) => more ? Encode(Offset + returned) : null;

    private static string Encode(int offset) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes("o:" + offset.ToString(CultureInfo.InvariantCulture)));

    private static bool TryDecode(string cursor, out int offset)
    {
        offset = 0;
        Span<byte> buffer = stackalloc byte[32];
        if (cursor.Length > 40 || !Convert.TryFromBase64String(cursor, buffer, out var written))
        {
            return false;
        }

        var text = Encoding.ASCII.GetString(buffer[..written]);
        return text.StartsWith("o:", StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out offset);
    }
}
