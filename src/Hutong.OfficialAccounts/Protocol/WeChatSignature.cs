using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Hutong.OfficialAccounts.Protocol;

/// <summary>
/// WeChat's request signature: the lowercase hex SHA-1 of the parts sorted and joined with nothing between them.
/// Over token, timestamp and nonce it is the <c>signature</c> query parameter; with the ciphertext added it is
/// <c>msg_signature</c>.
/// </summary>
internal static class WeChatSignature
{
    private const int HashBytes = 20;

    public static string Sign(params string[] parts) => Convert.ToHexStringLower(Hash(parts));

    /// <summary>
    /// Whether <paramref name="signature"/> is the signature of <paramref name="parts"/>, in either hex case. The
    /// comparison takes the same time wherever the first difference is, so a caller cannot learn a valid signature
    /// byte by byte.
    /// </summary>
    public static bool Verify(string? signature, params string[] parts)
    {
        if (signature is not { Length: HashBytes * 2 })
        {
            return false;
        }

        Span<byte> given = stackalloc byte[HashBytes];
        if (Convert.FromHexString(signature, given, out _, out var written) != OperationStatus.Done || written != HashBytes)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(given, Hash(parts));
    }

    private static byte[] Hash(string[] parts)
    {
        // Ordinal order is what the official samples get from Arrays.sort, sort() and std::sort over ASCII strings.
        var sorted = (string[])parts.Clone();
        Array.Sort(sorted, StringComparer.Ordinal);
#pragma warning disable CA5350 // SHA-1 is the protocol's, fixed by every WeChat SDK; it signs, it does not protect a secret.
        return SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(sorted)));
#pragma warning restore CA5350
    }
}
