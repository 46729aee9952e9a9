using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Hutong.Client;
using Hutong.Contracts.Wallet;

namespace Hutong.Booking.Tests;

/// <summary>
/// The studio's merchant, set up as the sample's README does it, through the node's API: the developer applies, the
/// operator approves, the developer sets an API v3 key, uploads the public half of a fresh RSA key (its private half
/// goes into a PEM file for the backend) and binds the mini-program.
/// </summary>
public sealed class SampleMerchant : IDisposable
{
    private const string Alphanumerics = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private SampleMerchant(string mchId, string serialNo, string apiV3Key, string privateKeyPath)
    {
        MchId = mchId;
        SerialNo = serialNo;
        ApiV3Key = apiV3Key;
        PrivateKeyPath = privateKeyPath;
    }

    public string MchId { get; }

    public string SerialNo { get; }

    public string ApiV3Key { get; }

    public string PrivateKeyPath { get; }

    public static async Task<SampleMerchant> CreateAsync(HutongClient owner, HutongClient operatorClient, string appId)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var merchant = await owner.CreateMerchantAsync(new CreateMerchantRequest("Lotus Massage Studio Ltd", "Lotus Massage", "Health and beauty"), cancellationToken);
        await operatorClient.ApproveMerchantAsync(merchant.MerchantId, cancellationToken);
        var apiV3Key = RandomNumberGenerator.GetString(Alphanumerics, 32);
        await owner.SetMerchantApiV3KeyAsync(merchant.MerchantId, apiV3Key, cancellationToken);
        using var key = RSA.Create(2048);
        var uploaded = await owner.AddMerchantKeyAsync(merchant.MerchantId, key.ExportSubjectPublicKeyInfoPem(), cancellationToken);
        await owner.BindMerchantAppAsync(merchant.MerchantId, appId, cancellationToken);
        var path = Path.Combine(Path.GetTempPath(), $"lotus-merchant-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(path, key.ExportPkcs8PrivateKeyPem(), cancellationToken);
        return new SampleMerchant(merchant.MchId, uploaded.SerialNo, apiV3Key, path);
    }

    /// <summary>A notification's resource, decrypted with the API v3 key (as the platform encrypted it for the merchant).</summary>
    public JsonObject Decrypt(string notificationBody)
    {
        var resource = JsonNode.Parse(notificationBody)!["resource"]!;
        var bytes = Convert.FromBase64String((string)resource["ciphertext"]!);
        var plain = new byte[bytes.Length - 16];
        using var aes = new AesGcm(Encoding.UTF8.GetBytes(ApiV3Key), 16);
        aes.Decrypt(Encoding.UTF8.GetBytes((string)resource["nonce"]!), bytes.AsSpan(0, plain.Length), bytes.AsSpan(plain.Length), plain,
            Encoding.UTF8.GetBytes((string)resource["associated_data"]!));
        return (JsonObject)JsonNode.Parse(plain)!;
    }

    /// <summary>
    /// A notification body as the platform would make it for <paramref name="transaction"/>, encrypted with the API
    /// v3 key, which a forger who learnt the key could make; only the platform's signature is beyond them.
    /// </summary>
    public string Encrypt(JsonObject transaction, string id)
    {
        var nonce = RandomNumberGenerator.GetString(Alphanumerics, 12);
        var plain = Encoding.UTF8.GetBytes(transaction.ToJsonString());
        var sealedBytes = new byte[plain.Length + 16];
        using (var aes = new AesGcm(Encoding.UTF8.GetBytes(ApiV3Key), 16))
        {
            aes.Encrypt(Encoding.UTF8.GetBytes(nonce), plain, sealedBytes.AsSpan(0, plain.Length), sealedBytes.AsSpan(plain.Length), "transaction"u8);
        }

        return new JsonObject
        {
            ["id"] = id,
            ["create_time"] = "2026-12-05T10:00:00+08:00",
            ["resource_type"] = "encrypt-resource",
            ["event_type"] = "TRANSACTION.SUCCESS",
            ["summary"] = "支付成功",
            ["resource"] = new JsonObject
            {
                ["original_type"] = "transaction",
                ["algorithm"] = "AEAD_AES_256_GCM",
                ["ciphertext"] = Convert.ToBase64String(sealedBytes),
                ["associated_data"] = "transaction",
                ["nonce"] = nonce,
            },
        }.ToJsonString();
    }

    public void Dispose() => File.Delete(PrivateKeyPath);
}
