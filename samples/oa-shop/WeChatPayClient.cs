using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OaShop;

/// <summary>
/// WeChat Pay API v3 for a merchant's server, written by hand from WeChat Pay's documentation, without an SDK. One
/// file, meant to be read and copied:
/// <list type="bullet">
/// <item>each request is signed with the merchant's RSA key: SHA256withRSA over <c>METHOD\nURL\ntimestamp\nnonce\nbody\n</c>,
/// sent as <c>Authorization: WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",timestamp="…",serial_no="…",signature="…"</c>;</item>
/// <item>each answer and each notification is verified with the platform certificate its <c>Wechatpay-Serial</c>
/// names, over <c>timestamp\nnonce\nbody\n</c>. The certificates come from <c>GET /v3/certificates</c>, encrypted
/// under the API v3 key, and are fetched again when an answer names a new serial (the platform has rotated its key),
/// or a notification does, at most once a minute;</item>
/// <item>a notification's <c>resource</c> is decrypted with AEAD_AES_256_GCM under the API v3 key;</item>
/// <item><c>paySign</c>, the signature <c>wx.requestPayment</c> carries, is made with the merchant's key.</item>
/// </list>
/// The host is the <see cref="HttpClient"/>'s base address: <c>https://api.mch.weixin.qq.com/</c> for WeChat Pay, or
/// a Hutong node's URL. Nothing else differs.
/// </summary>
public sealed class WeChatPayClient : IDisposable
{
    /// <summary>The AEAD tag at the end of each ciphertext.</summary>
    private const int TagSize = 16;

    private const string NonceAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>Answers and notifications older (or newer) than this are refused, as WeChat Pay refuses stale requests.</summary>
    private static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A notification with an unknown serial fetches the certificates again, but not sooner than this after the last
    /// fetch: anyone can post a notification, and a forger must not make us hammer the platform.
    /// </summary>
    private static readonly TimeSpan CertificatesRefetchAfter = TimeSpan.FromMinutes(1);

    private readonly HttpClient _http;
    private readonly RSA _privateKey;
    private readonly byte[] _apiV3Key;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _certificatesLock = new(1, 1);
    private Dictionary<string, RSA> _platformKeys = new(StringComparer.OrdinalIgnoreCase);
    private DateTimeOffset? _certificatesFetchedAt;

    /// <param name="http">Its <see cref="HttpClient.BaseAddress"/> is the platform, ending in <c>/</c>.</param>
    /// <param name="mchId">The merchant's id (<c>mchid</c>).</param>
    /// <param name="serialNo">The serial of the merchant's API key, as the platform gave it when the public key was uploaded.</param>
    /// <param name="privateKey">The merchant's RSA private key; this client disposes it.</param>
    /// <param name="apiV3Key">The 32-character API v3 key set at the platform.</param>
    /// <param name="time">The clock signatures are timestamped with.</param>
    public WeChatPayClient(HttpClient http, string mchId, string serialNo, RSA privateKey, string apiV3Key, TimeProvider time)
    {
        _http = http;
        MchId = mchId;
        SerialNo = serialNo;
        _privateKey = privateKey;
        _apiV3Key = Encoding.UTF8.GetBytes(apiV3Key);
        _time = time;
    }

    public string MchId { get; }

    public string SerialNo { get; }

    /// <summary>Reads a private key from a PEM file (<c>PRIVATE KEY</c> or <c>RSA PRIVATE KEY</c>), as <c>openssl</c> writes it.</summary>
    public static RSA ReadPrivateKey(string pemPath)
    {
        var key = RSA.Create();
        try
        {
            key.ImportFromPem(File.ReadAllText(pemPath));
            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A signed call; the answer's signature is checked before anything in it is believed (a <see cref="WeChatPayException"/>
    /// if it does not verify). Error answers are returned too, with WeChat Pay's <c>code</c> and <c>message</c>.
    /// </summary>
    public async Task<WeChatPayAnswer> SendAsync(HttpMethod method, string pathAndQuery, JsonObject? body, CancellationToken cancellationToken)
    {
        var (status, text, header) = await SendSignedAsync(method, pathAndQuery, body?.ToJsonString(), cancellationToken);
        if (await CheckSignatureAsync(header, text, isAnswer: true, cancellationToken) is { } problem)
        {
            throw new WeChatPayException($"The answer to {method} {pathAndQuery} ({(int)status}) is not from the platform: {problem}.");
        }

        try
        {
            return new WeChatPayAnswer(status, text.Length == 0 ? null : JsonNode.Parse(text) as JsonObject);
        }
        catch (JsonException e)
        {
            throw new WeChatPayException($"The answer to {method} {pathAndQuery} ({(int)status}) is not JSON.", e);
        }
    }

    public Task<WeChatPayAnswer> GetAsync(string pathAndQuery, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, pathAndQuery, null, cancellationToken);

    public Task<WeChatPayAnswer> PostAsync(string path, JsonObject body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, path, body, cancellationToken);

    /// <summary>What <c>wx.requestPayment</c> needs for a JSAPI order: <c>paySign</c> over <c>appId\ntimeStamp\nnonceStr\npackage\n</c>.</summary>
    public RequestPayment PayParameters(string appId, string prepayId)
    {
        var timeStamp = _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonceStr = Nonce();
        var package = "prepay_id=" + prepayId;
        return new RequestPayment(timeStamp, nonceStr, package, "RSA", Sign($"{appId}\n{timeStamp}\n{nonceStr}\n{package}\n"));
    }

    /// <summary>
    /// A notification as the platform posted it: its signature checked over the body exactly as received, then its
    /// <c>resource</c> decrypted. Anything else (no signature, a wrong one, a stale one, a resource that does not
    /// decrypt) is a <see cref="WeChatPayException"/> saying why. <paramref name="header"/> reads a request header by
    /// name (null when it is missing); <paramref name="body"/> is the body exactly as it came.
    /// </summary>
    public async Task<WeChatPayNotification> ReadNotificationAsync(Func<string, string?> header, string body, CancellationToken cancellationToken)
    {
        if (await CheckSignatureAsync(header, body, isAnswer: false, cancellationToken) is { } problem)
        {
            throw new WeChatPayException($"The notification is not from the platform: {problem}.");
        }

        try
        {
            var json = JsonNode.Parse(body) as JsonObject ?? throw new WeChatPayException("The notification is not a JSON object.");
            var resource = json["resource"] as JsonObject ?? throw new WeChatPayException("The notification has no resource.");
            if (Text(resource["algorithm"]) != "AEAD_AES_256_GCM")
            {
                throw new WeChatPayException("The notification's resource is not AEAD_AES_256_GCM.");
            }

            var plain = Decrypt(Text(resource["nonce"]) ?? "", Text(resource["associated_data"]) ?? "", Text(resource["ciphertext"]) ?? "");
            return new WeChatPayNotification(
                Text(json["id"]) ?? "", Text(json["event_type"]) ?? "",
                JsonNode.Parse(plain) as JsonObject ?? throw new WeChatPayException("The notification's resource is not a JSON object."));
        }
        catch (JsonException e)
        {
            throw new WeChatPayException("The notification is not JSON.", e);
        }
    }

    /// <summary>
    /// AEAD_AES_256_GCM under the API v3 key: the base64 <paramref name="ciphertext"/> is the encrypted bytes followed
    /// by the 16-byte tag. A <see cref="WeChatPayException"/> when it was not encrypted with this key.
    /// </summary>
    public string Decrypt(string nonce, string associatedData, string ciphertext)
    {
        try
        {
            var bytes = Convert.FromBase64String(ciphertext);
            if (bytes.Length < TagSize)
            {
                throw new WeChatPayException("The ciphertext is shorter than its tag.");
            }

            var plain = new byte[bytes.Length - TagSize];
            using var aes = new AesGcm(_apiV3Key, TagSize);
            aes.Decrypt(Encoding.UTF8.GetBytes(nonce), bytes.AsSpan(0, plain.Length), bytes.AsSpan(plain.Length), plain, Encoding.UTF8.GetBytes(associatedData));
            return Encoding.UTF8.GetString(plain);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or CryptographicException)
        {
            throw new WeChatPayException("The resource does not decrypt with the API v3 key.", e);
        }
    }

    public void Dispose()
    {
        _privateKey.Dispose();
        _certificatesLock.Dispose();
        foreach (var key in _platformKeys.Values)
        {
            key.Dispose();
        }
    }

    /// <summary>Text of a JSON value that is a string; null for anything else.</summary>
    public static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static string Nonce() => RandomNumberGenerator.GetString(NonceAlphabet, 32);

    private string Sign(string message) =>
        Convert.ToBase64String(_privateKey.SignData(Encoding.UTF8.GetBytes(message), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    /// <summary>Sends a request signed with the merchant's key; the answer as received, not yet verified.</summary>
    private async Task<(HttpStatusCode Status, string Body, Func<string, string?> Header)> SendSignedAsync(
        HttpMethod method, string pathAndQuery, string? body, CancellationToken cancellationToken)
    {
        // The signed URL is the path and query on the request line, so a base address with a path of its own is counted in.
        var uri = new Uri(_http.BaseAddress!, pathAndQuery.TrimStart('/'));
        var timestamp = _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Nonce();
        var signature = Sign($"{method.Method}\n{uri.PathAndQuery}\n{timestamp}\n{nonce}\n{body}\n");
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.TryAddWithoutValidation("Authorization",
            $"WECHATPAY2-SHA256-RSA2048 mchid=\"{MchId}\",nonce_str=\"{nonce}\",timestamp=\"{timestamp}\",serial_no=\"{SerialNo}\",signature=\"{signature}\"");
        request.Headers.Accept.ParseAdd("application/json");
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var headers = response.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return (response.StatusCode, text, name => headers.GetValueOrDefault(name));
    }

    /// <summary>
    /// Null when the <c>Wechatpay-*</c> headers are a platform certificate's fresh signature over <paramref name="body"/>;
    /// else why not. <paramref name="isAnswer"/>: the platform's answer to our own request, not a notification.
    /// </summary>
    private async Task<string?> CheckSignatureAsync(Func<string, string?> header, string body, bool isAnswer, CancellationToken cancellationToken)
    {
        if (header("Wechatpay-Timestamp") is not { } timestamp || header("Wechatpay-Nonce") is not { } nonce
            || header("Wechatpay-Signature") is not { } signature || header("Wechatpay-Serial") is not { } serial)
        {
            return "no Wechatpay-Timestamp, -Nonce, -Signature and -Serial headers";
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || (_time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Min(seconds, 253402300799))).Duration() > MaxClockSkew)
        {
            return "the timestamp is more than five minutes off";
        }

        if (await PlatformKeyAsync(serial, isAnswer, cancellationToken) is not { } key)
        {
            return $"no platform certificate has the serial {serial}";
        }

        return Verifies(key, $"{timestamp}\n{nonce}\n{body}\n", signature) ? null : "the signature does not verify";
    }

    private static bool Verifies(RSA key, string message, string signature)
    {
        try
        {
            return key.VerifyData(Encoding.UTF8.GetBytes(message), Convert.FromBase64String(signature), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>
    /// The platform key with <paramref name="serial"/>. The certificates are fetched on first use, and again for a new
    /// serial: at once when the platform's answer names it, at most once a minute when a notification does.
    /// </summary>
    private async Task<RSA?> PlatformKeyAsync(string serial, bool isAnswer, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _platformKeys).TryGetValue(serial, out var known))
        {
            return known;
        }

        await _certificatesLock.WaitAsync(cancellationToken);
        try
        {
            if (_platformKeys.TryGetValue(serial, out known))
            {
                return known;
            }

            if (!isAnswer && _certificatesFetchedAt is { } fetched && _time.GetUtcNow() - fetched < CertificatesRefetchAfter)
            {
                return null;
            }

            var keys = await FetchCertificatesAsync(cancellationToken);
            _certificatesFetchedAt = _time.GetUtcNow();
            // Keys still in use by a check in flight are left to the garbage collector rather than disposed under it.
            Volatile.Write(ref _platformKeys, keys);
            return keys.GetValueOrDefault(serial);
        }
        finally
        {
            _certificatesLock.Release();
        }
    }

    /// <summary>
    /// <c>GET /v3/certificates</c>: each certificate decrypted with the API v3 key (so it comes from whoever holds the
    /// key with us: the platform), and the download itself verified with the certificates it brought.
    /// </summary>
    private async Task<Dictionary<string, RSA>> FetchCertificatesAsync(CancellationToken cancellationToken)
    {
        var (status, text, header) = await SendSignedAsync(HttpMethod.Get, "/v3/certificates", null, cancellationToken);
        if (status != HttpStatusCode.OK)
        {
            throw new WeChatPayException($"GET /v3/certificates answered {(int)status}: {text}");
        }

        var keys = new Dictionary<string, RSA>(StringComparer.OrdinalIgnoreCase);
        var now = _time.GetUtcNow();
        try
        {
            foreach (var item in (JsonNode.Parse(text)?["data"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (Text(item["serial_no"]) is not { } serial || item["encrypt_certificate"] is not JsonObject encrypted)
                {
                    continue;
                }

                var pem = Decrypt(Text(encrypted["nonce"]) ?? "", Text(encrypted["associated_data"]) ?? "", Text(encrypted["ciphertext"]) ?? "");
                using var certificate = X509Certificate2.CreateFromPem(pem);
                if (now >= certificate.NotBefore && now <= certificate.NotAfter && certificate.GetRSAPublicKey() is { } key)
                {
                    keys[serial] = key;
                }
            }
        }
        catch (Exception e) when (e is JsonException or CryptographicException)
        {
            throw new WeChatPayException("The platform certificates could not be read.", e);
        }

        var signed = header("Wechatpay-Serial") is { } by && keys.TryGetValue(by, out var signer)
            && Verifies(signer, $"{header("Wechatpay-Timestamp")}\n{header("Wechatpay-Nonce")}\n{text}\n", header("Wechatpay-Signature") ?? "");
        if (!signed)
        {
            foreach (var key in keys.Values)
            {
                key.Dispose();
            }

            throw new WeChatPayException("The platform certificates' download is not signed by one of them.");
        }

        return keys;
    }
}

/// <summary>What a call answered, its signature verified: the status and the JSON (null for a 204).</summary>
public sealed record WeChatPayAnswer(HttpStatusCode Status, JsonObject? Json)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    /// <summary>An error's code, such as <c>ORDERPAID</c> or <c>ORDER_NOT_EXIST</c>.</summary>
    public string? Code => WeChatPayClient.Text(Json?["code"]);

    public string? Message => WeChatPayClient.Text(Json?["message"]);

    /// <summary>A string field of the answer.</summary>
    public string? this[string field] => WeChatPayClient.Text(Json?[field]);

    public override string ToString() => IsSuccess ? $"{(int)Status}" : $"{(int)Status} {Code}: {Message}";
}

/// <summary>A verified notification: its <c>id</c>, its <c>event_type</c> (<c>TRANSACTION.SUCCESS</c>, <c>REFUND.SUCCESS</c>) and the decrypted resource.</summary>
public sealed record WeChatPayNotification(string Id, string EventType, JsonObject Resource);

/// <summary>The parameters of <c>wx.requestPayment</c>, as the mini-program passes them on.</summary>
public sealed record RequestPayment(string TimeStamp, string NonceStr, string Package, string SignType, string PaySign);

/// <summary>An answer or notification that is not the platform's, or a platform that cannot be used.</summary>
public sealed class WeChatPayException : Exception
{
    public WeChatPayException()
    {
    }

    public WeChatPayException(string message)
        : base(message)
    {
    }

    public WeChatPayException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
