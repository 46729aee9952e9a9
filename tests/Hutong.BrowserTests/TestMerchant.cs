using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Hutong.Storage;
using Hutong.Storage.Sqlite;
using Hutong.Wallet.Merchants;
using Microsoft.Extensions.DependencyInjection;

namespace Hutong.BrowserTests;

/// <summary>
/// A merchant's server for the payment tests, written by hand from WeChat Pay's documentation: each <c>/v3</c> request
/// signed with its RSA key, and the parameters of <c>wx.requestPayment</c> signed the same way. The merchant is either
/// set up approved in the running node's database as an operator would leave it, with one app bound (a shortcut for
/// tests about paying), or one a test made through the node's own screens or API.
/// </summary>
internal sealed class TestMerchant : IDisposable
{
    private readonly HttpClient _http;
    private readonly RSA _key;
    private readonly string _serial;

    private TestMerchant(HttpClient http, RSA key, string serial, string mchId, string appId, string? apiV3Key = null)
    {
        _http = http;
        _key = key;
        _serial = serial;
        MchId = mchId;
        AppId = appId;
        ApiV3Key = apiV3Key;
    }

    public string MchId { get; }

    /// <summary>The API v3 key a merchant set up here has (null for one made through the node's own screens).</summary>
    public string? ApiV3Key { get; }

    /// <summary>The app the merchant charges through: a mini-program's id, or any id for native orders.</summary>
    public string AppId { get; }

    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    public static async Task<TestMerchant> CreateAsync(ServerProcess server, string ownerId, string appId, string shortName = "Tea House")
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var services = new ServiceCollection()
            .AddDbContextFactory<HutongDbContext>(o => SqliteStorage.Use(o, $"Data Source={server.DatabasePath}"))
            .AddHutongStores();
        await using var provider = services.BuildServiceProvider();
        var merchants = provider.GetRequiredService<IMerchantStore>();
        var now = Now;
        Merchant merchant;
        do
        {
            merchant = new Merchant(Guid.CreateVersion7(), "1" + RandomNumberGenerator.GetString("0123456789", 9), Guid.Parse(ownerId), $"{shortName} Ltd",
                shortName, "food", MerchantStates.Approved, null, null, now, now);
        }
        while (await merchants.AddAsync(merchant, MerchantService.MaxMerchantsPerPerson, cancellationToken) == Added.Taken);

        var apiV3Key = RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 32);
        await merchants.SetApiV3KeyAsync(merchant.Id, apiV3Key, cancellationToken);
        var key = RSA.Create(2048);
        var serial = Serial(key);
        await merchants.AddKeyAsync(new MerchantKey(merchant.Id, serial, key.ExportSubjectPublicKeyInfo(), now, null), MerchantService.MaxKeys, cancellationToken);
        await merchants.BindAppAsync(new MerchantApp(merchant.Id, appId, now), cancellationToken);
        return new TestMerchant(new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) }, key, serial, merchant.MchId, appId, apiV3Key);
    }

    /// <summary>
    /// The server of a merchant made through the node itself, with a new key of its own: the test uploads
    /// <see cref="PublicKeyPem"/> and binds <paramref name="appId"/> as the merchant's owner would.
    /// </summary>
    public static TestMerchant ForMerchant(ServerProcess server, string mchId, string appId)
    {
        var key = RSA.Create(2048);
        return new TestMerchant(new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) }, key, Serial(key), mchId, appId);
    }

    /// <summary>The merchant's private key as a PEM file, for a merchant server run as its own process.</summary>
    public void WritePrivateKey(string path) => File.WriteAllText(path, _key.ExportPkcs8PrivateKeyPem());

    /// <summary>The public half of the merchant's key, as its owner pastes it.</summary>
    public string PublicKeyPem => _key.ExportSubjectPublicKeyInfoPem();

    /// <summary>The serial number the node names the key by.</summary>
    public string SerialNo => _serial;

    /// <summary>
    /// The serial number the node gives a bare key, as docs/api.md says: the first 40 hex digits of the SHA-256 of its
    /// SubjectPublicKeyInfo, in uppercase without leading zeros.
    /// </summary>
    public static string Serial(RSA key) => Convert.ToHexString(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..40].TrimStart('0');

    /// <summary><c>POST /v3/pay/transactions/native</c>: the order's <c>code_url</c>, for a QR code.</summary>
    public async Task<string> NativeOrderAsync(string outTradeNo, long total, string description) =>
        (await CreateAsync("native", Order(outTradeNo, total, description)))["code_url"]!.GetValue<string>();

    /// <summary><c>POST /v3/pay/transactions/jsapi</c> for the person with <paramref name="openId"/> at the app: the prepay id.</summary>
    public async Task<string> JsApiOrderAsync(string outTradeNo, long total, string description, string openId)
    {
        var order = Order(outTradeNo, total, description);
        order["payer"] = new JsonObject { ["openid"] = openId };
        return (await CreateAsync("jsapi", order))["prepay_id"]!.GetValue<string>();
    }

    /// <summary><c>POST /v3/refund/domestic/refunds</c>: gives back <paramref name="refund"/> of the order's <paramref name="total"/>.</summary>
    public Task RefundAsync(string outTradeNo, string outRefundNo, long refund, long total) =>
        PostAsync("/v3/refund/domestic/refunds", new JsonObject
        {
            ["out_trade_no"] = outTradeNo,
            ["out_refund_no"] = outRefundNo,
            ["amount"] = new JsonObject { ["refund"] = refund, ["total"] = total, ["currency"] = "CNY" },
        });

    /// <summary>What the merchant's server hands <c>wx.requestPayment</c>: signed over appId, timeStamp, nonceStr and package.</summary>
    public IReadOnlyDictionary<string, string> PayParameters(string prepayId)
    {
        var timeStamp = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        var package = "prepay_id=" + prepayId;
        return new Dictionary<string, string>
        {
            ["timeStamp"] = timeStamp,
            ["nonceStr"] = nonce,
            ["package"] = package,
            ["signType"] = "RSA",
            ["paySign"] = Sign($"{AppId}\n{timeStamp}\n{nonce}\n{package}\n"),
        };
    }

    public void Dispose()
    {
        _http.Dispose();
        _key.Dispose();
    }

    private JsonObject Order(string outTradeNo, long total, string description) => new()
    {
        ["appid"] = AppId,
        ["mchid"] = MchId,
        ["description"] = description,
        ["out_trade_no"] = outTradeNo,
        ["notify_url"] = "https://merchant.example/notify",
        ["amount"] = new JsonObject { ["total"] = total, ["currency"] = "CNY" },
    };

    private Task<JsonObject> CreateAsync(string tradeType, JsonObject order) => PostAsync($"/v3/pay/transactions/{tradeType}", order);

    private async Task<JsonObject> PostAsync(string path, JsonObject content)
    {
        var body = content.ToJsonString();
        var timestamp = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var signature = Sign($"POST\n{path}\n{timestamp}\n{nonce}\n{body}\n");
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization",
            $"WECHATPAY2-SHA256-RSA2048 mchid=\"{MchId}\",nonce_str=\"{nonce}\",signature=\"{signature}\",timestamp=\"{timestamp}\",serial_no=\"{_serial}\"");
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}: {text}");
        return (JsonObject)JsonNode.Parse(text)!;
    }

    private string Sign(string message) =>
        Convert.ToBase64String(_key.SignData(Encoding.UTF8.GetBytes(message), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
}
