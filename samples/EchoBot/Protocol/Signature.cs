using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace EchoBot.Protocol;

/// <summary>
/// WeChat's signature: the lowercase hex SHA-1 of the parts, sorted and joined with nothing between them. Over the
/// token, <c>timestamp</c> and <c>nonce</c> it is the <c>signature</c> query parameter; with the <c>Encrypt</c>
/// ciphertext added it is <c>msg_signature</c>.
/// </summary>
internal static class Signature
{
    public static string Sign(params ReadOnlySpan<string> parts) => Convert.ToHexStringLower(Hash(parts));

    /// <summary>
    /// Whether <paramref name="signature"/> (hex, either case) signs <paramref name="parts"/>. The comparison takes
    /// the same time wherever the first difference is, so nobody can find a valid signature byte by byte.
    /// </summary>
    public static bool Verify(string? signature, params ReadOnlySpan<string> parts)
    {
        if (signature is not { Length: SHA1.HashSizeInBytes * 2 })
        {
            return false;
        }

        Span<byte> given = stackalloc byte[SHA1.HashSizeInBytes];
        return Convert.FromHexString(signature, given, out _, out var written) == OperationStatus.Done
            && written == given.Length
            && CryptographicOperations.FixedTimeEquals(given, Hash(parts));
    }

    private static byte[] Hash(ReadOnlySpan<string> parts)
    {
        // Ordinal order: what the official samples get from sort() over ASCII strings.
        var sorted = parts.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
#pragma warning disable CA5350 // SHA-1 is fixed by the protocol; it authenticates a request, it protects no secret.
        return SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(sorted)));
#pragma warning restore CA5350
    }
}
