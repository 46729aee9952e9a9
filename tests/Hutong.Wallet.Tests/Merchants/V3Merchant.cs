using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Hutong.Core.Identity;
using Hutong.Testing;
using Hutong.Wallet.Merchants;
using Microsoft.Extensions.DependencyInjection;

namespace Hutong.Wallet.Tests.Merchants;

/// <summary>What a <c>/v3</c> call answered: the status, the body, and whether the platform's signature on it verified.</summary>
internal sealed record V3Answer(HttpStatusCode Status, string Body, bool SignatureVerified, string? ContentType, IReadOnlyDictionary<string, string> Headers)
{
    public JsonObject Json => (JsonObject)JsonNode.Parse(Body)!;

    public string? Code => Json["code"]?.GetValue<string>();
}

/// <summary>
/// A merchant's server as WeChat Pay's documentation tells one to write it, by hand and independent of the platform's
/// code: it signs each request with its RSA key over <c>METHOD\nURL\ntimestamp\nnonce\nbody\n</c>, downloads and
/// decrypts the platform certificates, verifies every answer's signature with them, and decrypts notifications with
/// its API v3 key. The merchant itself is set up approved through storage, as an operator would leave it.
/// </summary>
internal sealed class V3Merchant : IDisposable
{
    private readonly HttpClient _http;
    private readonly Dictionary<string, RSA> _platform = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether this one disposes the client and keys (a copy with another serial shares them).</summary>
    private bool _owner = true;

    /// <summary>Whether this one disposes the merchant's key (a copy on another node shares it).</summary>
    private bool _ownsKey = true;

    private V3Merchant(HttpClient http, Merchant merchant, RSA key, string serial, string apiV3Key, string appId)
    {
        _http = http;
        Merchant = merchant;
        Key = key;
        Serial = serial;
        ApiV3Key = apiV3Key;
        AppId = appId;
    }

    public Merchant Merchant { get; }

    public string MchId => Merchant.MchId;

    public RSA Key { get; }

    public string Serial { get; }

    public string ApiV3Key { get; }

    public string AppId { get; }

    /// <summary>The clock the merchant signs with (its own, which may be off).</summary>
    public Func<DateTimeOffset> Now { get; set; } = () => DateTimeOffset.FromUnixTimeSeconds(0);

    public static async Task<V3Merchant> CreateAsync(HutongApp app, TestUser owner, string shortName = "Tea House")
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var merchants = app.Services.GetRequiredService<IMerchantStore>();
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        Merchant merchant;
        do
        {
            merchant = new Merchant(Guid.CreateVersion7(), "1" + RandomNumberGenerator.GetString("0123456789", 9), Guid.Parse(owner.UserId), $"{shortName} Ltd",
                shortName, "food", MerchantStates.Approved, null, null, now, now);
        }
        while (await merchants.AddAsync(merchant, MerchantService.MaxMerchantsPerPerson, cancellationToken) == Added.Taken);

        var apiV3Key = RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 32);
        await merchants.SetApiV3KeyAsync(merchant.Id, apiV3Key, cancellationToken);
        var key = RSA.Create(2048);
        var serial = Convert.ToHexString(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..40].TrimStart('0');
        await merchants.AddKeyAsync(new MerchantKey(merchant.Id, serial, key.ExportSubjectPublicKeyInfo(), now, null), MerchantService.MaxKeys, cancellationToken);
        var appId = "wx" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        await merchants.BindAppAsync(new MerchantApp(merchant.Id, appId, now), cancellationToken);
        return new V3Merchant(app.CreateClient(), merchant with { ApiV3Key = apiV3Key }, key, serial, apiV3Key, appId) { Now = clock.GetUtcNow };
    }

    /// <summary>The openid a person has at the merchant's app, as the app learns it from login.</summary>
    public static Task<string> OpenIdAsync(HutongApp app, string appId, TestUser person) =>
        app.Services.GetRequiredService<OpenIds>().ForAsync(appId, Guid.Parse(person.UserId), TestContext.Current.CancellationToken);

    public async Task<V3Answer> SendAsync(HttpMethod method, string pathAndQuery, string? body = null, Action<HttpRequestMessage>? tamper = null)
    {
        var timestamp = Now().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var message = $"{method.Method}\n{pathAndQuery}\n{timestamp}\n{nonce}\n{body ?? string.Empty}\n";
        var signature = Convert.ToBase64String(Key.SignData(Encoding.UTF8.GetBytes(message), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        using var request = new HttpRequestMessage(method, pathAndQuery);
        request.Headers.TryAddWithoutValidation("Authorization",
            $"WECHATPAY2-SHA256-RSA2048 mchid=\"{MchId}\",nonce_str=\"{nonce}\",signature=\"{signature}\",timestamp=\"{timestamp}\",serial_no=\"{Serial}\"");
        request.Headers.Accept.ParseAdd("application/json");
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        tamper?.Invoke(request);
        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var headers = response.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return new V3Answer(response.StatusCode, text, Verify(headers, text), response.Content.Headers.ContentType?.ToString(), headers);
    }

    /// <summary>The same merchant calling another node (a restarted one), with its own connection; the key is the new one's to dispose.</summary>
    public V3Merchant On(HutongApp app)
    {
        _ownsKey = false;
        return new V3Merchant(app.CreateClient(), Merchant, Key, Serial, ApiV3Key, AppId) { Now = Now };
    }

    /// <summary>The same merchant sending another spelling of its key's serial.</summary>
    public V3Merchant WithSerial(string serial)
    {
        var copy = new V3Merchant(_http, Merchant, Key, serial, ApiV3Key, AppId) { Now = Now, _owner = false };
        foreach (var (platformSerial, key) in _platform)
        {
            copy._platform[platformSerial] = key;
        }

        return copy;
    }

    public Task<V3Answer> PostAsync(string path, JsonObject body) => SendAsync(HttpMethod.Post, path, body.ToJsonString());

    public Task<V3Answer> GetAsync(string pathAndQuery) => SendAsync(HttpMethod.Get, pathAndQuery);

    /// <summary>Downloads the platform certificates and keeps their keys, as merchant SDKs do before verifying anything.</summary>
    public async Task<IReadOnlyList<X509Certificate2>> LoadCertificatesAsync()
    {
        var answer = await GetAsync("/v3/certificates");
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var certificates = new List<X509Certificate2>();
        foreach (var item in answer.Json["data"]!.AsArray())
        {
            var encrypted = item!["encrypt_certificate"]!;
            var pem = Decrypt(encrypted["nonce"]!.GetValue<string>(), encrypted["associated_data"]!.GetValue<string>(), encrypted["ciphertext"]!.GetValue<string>());
            var certificate = X509Certificate2.CreateFromPem(pem);
            Assert.Equal(item["serial_no"]!.GetValue<string>(), certificate.SerialNumber);
            _platform[certificate.SerialNumber] = certificate.GetRSAPublicKey()!;
            certificates.Add(certificate);
        }

        // The download itself is verified once the keys are known.
        Assert.True(Verify(answer.Headers, answer.Body), "the certificates' answer is signed by a listed certificate");
        return certificates;
    }

    /// <summary>Whether the four <c>Wechatpay-*</c> headers are a listed platform certificate's signature over the body.</summary>
    public bool Verify(IReadOnlyDictionary<string, string> headers, string body) => Verify(
        headers.GetValueOrDefault("Wechatpay-Timestamp"), headers.GetValueOrDefault("Wechatpay-Nonce"), headers.GetValueOrDefault("Wechatpay-Signature"),
        headers.GetValueOrDefault("Wechatpay-Serial"), body);

    /// <summary>The parameters the merchant's server gives <c>wx.requestPayment</c>, signed with its key.</summary>
    public Hutong.Contracts.Wallet.PayRequest PayParameters(string prepayId, string? pin = null, string? appId = null)
    {
        appId ??= AppId;
        var timeStamp = Now().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        var package = "prepay_id=" + prepayId;
        var paySign = Convert.ToBase64String(Key.SignData(Encoding.UTF8.GetBytes($"{appId}\n{timeStamp}\n{nonce}\n{package}\n"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        return new(appId, timeStamp, nonce, package, "RSA", paySign, pin);
    }

    public string Decrypt(string nonce, string associatedData, string ciphertext)
    {
        var bytes = Convert.FromBase64String(ciphertext);
        var plain = new byte[bytes.Length - 16];
        using var aes = new AesGcm(Encoding.UTF8.GetBytes(ApiV3Key), 16);
        aes.Decrypt(Encoding.UTF8.GetBytes(nonce), bytes.AsSpan(0, plain.Length), bytes.AsSpan(plain.Length), plain, Encoding.UTF8.GetBytes(associatedData));
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>A notification's resource, decrypted.</summary>
    public JsonObject Resource(string notificationBody)
    {
        var resource = JsonNode.Parse(notificationBody)!["resource"]!;
        return (JsonObject)JsonNode.Parse(Decrypt(resource["nonce"]!.GetValue<string>(), resource["associated_data"]!.GetValue<string>(), resource["ciphertext"]!.GetValue<string>()))!;
    }

    public void Dispose()
    {
        if (!_owner)
        {
            return;
        }

        _http.Dispose();
        if (_ownsKey)
        {
            Key.Dispose();
        }

        foreach (var key in _platform.Values)
        {
            key.Dispose();
        }
    }

    private bool Verify(string? timestamp, string? nonce, string? signature, string? serial, string body) =>
        timestamp is not null && nonce is not null && signature is not null && serial is not null && _platform.TryGetValue(serial, out var key)
        && key.VerifyData(Encoding.UTF8.GetBytes($"{timestamp}\n{nonce}\n{body}\n"), Convert.FromBase64String(signature), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
}
