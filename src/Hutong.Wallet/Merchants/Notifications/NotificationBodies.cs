using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Hutong.Wallet.Merchants.Protocol;
using Hutong.Wallet.Merchants.V3;

namespace Hutong.Wallet.Merchants.Notifications;

/// <summary>
/// A notification's body, as WeChat Pay sends it: the event around a <c>resource</c> that is the transaction or the
/// refund, encrypted with AEAD_AES_256_GCM under the merchant's API v3 key, so only the merchant reads what was paid.
/// </summary>
public static class NotificationBodies
{
    public static MerchantNotification Create(
        Guid id, Guid merchantId, string apiV3Key, string eventType, string url, JsonObject resource, DateTimeOffset now)
    {
        var (originalType, summary, associatedData) = eventType == NotificationEvents.RefundSuccess
            ? ("refund", "退款成功", "refund")
            : ("transaction", "支付成功", "transaction");
        var nonce = NonceText(12);
        var body = new JsonObject
        {
            ["id"] = Hutong.Core.Ids.Format(id),
            ["create_time"] = V3Json.Time(now),
            ["resource_type"] = "encrypt-resource",
            ["event_type"] = eventType,
            ["summary"] = summary,
            ["resource"] = new JsonObject
            {
                ["original_type"] = originalType,
                ["algorithm"] = AeadAes256Gcm.Algorithm,
                ["ciphertext"] = AeadAes256Gcm.Encrypt(apiV3Key, nonce, associatedData, V3Json.Write(resource)),
                ["associated_data"] = associatedData,
                ["nonce"] = nonce,
            },
        };
        return new MerchantNotification(id, merchantId, eventType, url, V3Json.Write(body), 0, now, now, null);
    }

    /// <summary>Letters and digits, as WeChat's nonces are.</summary>
    private static string NonceText(int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        return RandomNumberGenerator.GetString(alphabet, length);
    }
}
