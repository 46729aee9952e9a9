using System.Text;
using Hutong.Core.Errors;

namespace Hutong.MiniPrograms.CloudStorage;

/// <summary>
/// WeChat's limits on a person's hosted data at a game, and what a key and a value may hold. Text goes to both
/// databases as it is, so NUL (which PostgreSQL's text refuses) and unpaired surrogates (which are not UTF-8) are
/// refused here rather than failing a write.
/// </summary>
public static class CloudItems
{
    /// <summary>Keys a person keeps at one game.</summary>
    public const int MaxKeys = 128;

    /// <summary>Bytes of a key in UTF-8.</summary>
    public const int MaxKeyBytes = 128;

    /// <summary>Bytes of a key and its value together in UTF-8.</summary>
    public const int MaxItemBytes = 1024;

    /// <summary>Why the item cannot be stored, or null when it can.</summary>
    internal static CloudItemFault? Check(string? key, string? value)
    {
        if (key is null || value is null)
        {
            return CloudItemFault.Missing;
        }

        if (!Storable(key) || !Storable(value))
        {
            return CloudItemFault.Text;
        }

        var keyBytes = Encoding.UTF8.GetByteCount(key);
        if (keyBytes is 0 or > MaxKeyBytes)
        {
            return CloudItemFault.Key;
        }

        return keyBytes + Encoding.UTF8.GetByteCount(value) > MaxItemBytes ? CloudItemFault.TooLarge : null;
    }

    internal static bool IsKey(string? key) => key is not null && Storable(key) && Encoding.UTF8.GetByteCount(key) is > 0 and <= MaxKeyBytes;

    /// <summary>
    /// A list of keys to read or remove (<c>keyList</c>): 1 to 128 keys, each one a key could be; the keys once each,
    /// in the order given.
    /// </summary>
    internal static Result<string[]> KeyList(string field, IReadOnlyList<string?>? keys)
    {
        var errors = new FieldErrors();
        if (keys is null || keys.Count is 0 or > MaxKeys)
        {
            errors.Add(field, $"Name 1 to {MaxKeys} keys.");
            return errors.ToError();
        }

        for (var i = 0; i < keys.Count; i++)
        {
            if (!IsKey(keys[i]))
            {
                errors.Add($"{field}[{i}]", KeyRule);
            }
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        return keys.Select(k => k!).Distinct(StringComparer.Ordinal).ToArray();
    }

    internal const string KeyRule = "A key is 1 to 128 bytes in UTF-8, with no NUL and no unpaired surrogate.";

    internal static string Rule(CloudItemFault fault) => fault switch
    {
        CloudItemFault.Missing => "An item has a key and a value, both strings.",
        CloudItemFault.Text => "A key or value may not hold NUL or an unpaired surrogate.",
        CloudItemFault.Key => KeyRule,
        CloudItemFault.TooLarge => $"A key and its value are at most {MaxItemBytes} bytes in UTF-8 together.",
        _ => throw new ArgumentOutOfRangeException(nameof(fault)),
    };

    private static bool Storable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (c == '\0' || char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>Why an item of hosted data cannot be stored.</summary>
internal enum CloudItemFault
{
    /// <summary>No key or no value.</summary>
    Missing,

    /// <summary>NUL or an unpaired surrogate in the key or the value.</summary>
    Text,

    /// <summary>An empty key, or one over 128 bytes.</summary>
    Key,

    /// <summary>Key and value over 1,024 bytes together.</summary>
    TooLarge,
}
