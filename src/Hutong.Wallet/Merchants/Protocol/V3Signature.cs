using System.Security.Cryptography;
using System.Text;

namespace Hutong.Wallet.Merchants.Protocol;

/// <summary>
/// WeChat Pay API v3's signatures, both ways: a request is signed by the merchant over
/// <c>METHOD\nURL\ntimestamp\nnonce\nbody\n</c> (the URL's path and query exactly as sent), a response or notification
/// by the platform over <c>timestamp\nnonce\nbody\n</c>, and a mini-program's <c>paySign</c> by the merchant over
/// <c>appId\ntimeStamp\nnonceStr\npackage\n</c>; each is SHA256withRSA (PKCS #1 v1.5), in base64.
/// </summary>
public static class V3Signature
{
    /// <summary>The scheme of the <c>Authorization</c> header.</summary>
    public const string Scheme = "WECHATPAY2-SHA256-RSA2048";

    public static string RequestMessage(string method, string pathAndQuery, string timestamp, string nonce, string body) =>
        $"{method}\n{pathAndQuery}\n{timestamp}\n{nonce}\n{body}\n";

    public static string ResponseMessage(string timestamp, string nonce, string body) => $"{timestamp}\n{nonce}\n{body}\n";

    public static string PayMessage(string appId, string timeStamp, string nonceStr, string package) => $"{appId}\n{timeStamp}\n{nonceStr}\n{package}\n";

    public static string Sign(RSA key, string message) =>
        Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(message), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    /// <summary>Whether <paramref name="signature"/> (base64) is the key's over the message; false for anything malformed.</summary>
    public static bool Verify(RSA key, string message, string? signature)
    {
        if (string.IsNullOrEmpty(signature) || signature.Length > 1024)
        {
            return false;
        }

        var bytes = new byte[signature.Length];
        return Convert.TryFromBase64String(signature, bytes, out var written)
            && key.VerifyData(Encoding.UTF8.GetBytes(message), bytes.AsSpan(0, written), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    public static string Authorization(V3Credentials credentials) =>
        $"{Scheme} mchid=\"{credentials.MchId}\",nonce_str=\"{credentials.Nonce}\",timestamp=\"{credentials.Timestamp}\"," +
        $"serial_no=\"{credentials.SerialNo}\",signature=\"{credentials.Signature}\"";

    /// <summary>
    /// The five fields of an <c>Authorization</c> header, in any order, each once; null when the scheme, a field or
    /// the quoting is wrong.
    /// </summary>
    public static V3Credentials? ParseAuthorization(string? header)
    {
        if (header is null || header.Length > 2048 || !header.StartsWith(Scheme + " ", StringComparison.Ordinal))
        {
            return null;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in header[(Scheme.Length + 1)..].Split(','))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return null;
            }

            var name = part[..equals].Trim();
            var value = part[(equals + 1)..].Trim();
            if (value.Length < 2 || value[0] != '"' || value[^1] != '"' || !fields.TryAdd(name, value[1..^1]))
            {
                return null;
            }
        }

        return fields.Count == 5
            && fields.TryGetValue("mchid", out var mchId) && fields.TryGetValue("nonce_str", out var nonce)
            && fields.TryGetValue("timestamp", out var timestamp) && fields.TryGetValue("serial_no", out var serial)
            && fields.TryGetValue("signature", out var signature)
            ? new V3Credentials(mchId, nonce, timestamp, serial, signature)
            : null;
    }
}

/// <summary>What a request's <c>Authorization</c> header says: who, the nonce and time it was signed with, which key, and the signature.</summary>
public sealed record V3Credentials(string MchId, string Nonce, string Timestamp, string SerialNo, string Signature);
