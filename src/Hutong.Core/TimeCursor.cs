using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Hutong.Core;

/// <summary>
/// A keyset position in a list ordered by time and then by a unique key: the last item a page returned. Many items can
/// share one time (a group commit stamps a whole batch with it), so a page asks for what sorts after this pair, never
/// for what is merely older. Opaque to clients: base64url of the ticks and the key.
/// </summary>
public readonly record struct TimeCursor(DateTimeOffset At, string Key)
{
    private const int MaxKeyBytes = 200;

    public string Encode()
    {
        var key = Encoding.UTF8.GetBytes(Key);
        var bytes = new byte[8 + key.Length];
        BinaryPrimitives.WriteInt64BigEndian(bytes, At.UtcTicks);
        key.CopyTo(bytes, 8);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>False for anything this server did not give out: bad base64, a time out of range, an empty or long key.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out TimeCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text) || text.Length > (8 + MaxKeyBytes + 2) / 3 * 4)
        {
            return false;
        }

        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        var bytes = new byte[(padded.Length / 4) * 3];
        if (!Convert.TryFromBase64String(padded, bytes, out var written) || written <= 8)
        {
            return false;
        }

        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes);
        if (ticks <= 0 || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        string key;
        try
        {
            key = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 8, written - 8);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        cursor = new TimeCursor(new DateTimeOffset(ticks, TimeSpan.Zero), key);
        return true;
    }
}
