using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Hutong.Samples.Tests.EchoBot;

/// <summary>
/// The platform's side of WXBizMsgCrypt, written here apart from the bot's so that a round trip checks the bot
/// against something other than itself. <see cref="PlatformCryptoTests"/> holds it to published values.
/// </summary>
internal sealed class PlatformCrypto(string token, string encodingAesKey, string appId)
{
    private readonly byte[] _key = Convert.FromBase64String(encodingAesKey + "=");

    public string Token { get; } = token;

    public static string Sign(params string[] parts)
    {
        var sorted = parts.Order(StringComparer.Ordinal);
#pragma warning disable CA5350 // The protocol's hash.
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(sorted))));
#pragma warning restore CA5350
    }

    public string Encrypt(string xml) => Encrypt(xml, RandomNumberGenerator.GetBytes(16));

    public string Encrypt(string xml, byte[] random)
    {
        byte[] message = Encoding.UTF8.GetBytes(xml), id = Encoding.UTF8.GetBytes(appId), length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, message.Length);
        byte[] unpadded = [.. random, .. length, .. message, .. id];
        var pad = 32 - (unpadded.Length % 32);
        byte[] plain = [.. unpadded, .. Enumerable.Repeat((byte)pad, pad)];
        using var aes = Aes.Create();
        aes.Key = _key;
        return Convert.ToBase64String(aes.EncryptCbc(plain, _key.AsSpan(0, 16), PaddingMode.None));
    }

    /// <summary>The XML inside, after checking the padding and the app id at the end.</summary>
    public string Decrypt(string encrypt)
    {
        using var aes = Aes.Create();
        aes.Key = _key;
        var plain = aes.DecryptCbc(Convert.FromBase64String(encrypt), _key.AsSpan(0, 16), PaddingMode.None);
        int pad = plain[^1];
        Assert.InRange(pad, 1, 32);
        Assert.All(plain[^pad..], b => Assert.Equal(pad, b));
        var length = BinaryPrimitives.ReadInt32BigEndian(plain.AsSpan(16, 4));
        Assert.Equal(appId, Encoding.UTF8.GetString(plain, 20 + length, plain.Length - pad - 20 - length));
        return Encoding.UTF8.GetString(plain, 20, length);
    }
}
