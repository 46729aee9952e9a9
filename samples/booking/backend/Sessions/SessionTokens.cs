using System.Security.Cryptography;
using System.Text;

namespace Booking.Sessions;

/// <summary>The app's session tokens: 32 random bytes, base64url; only their SHA-256 is stored, so a copy of the file lets nobody in.</summary>
internal static class SessionTokens
{
    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
