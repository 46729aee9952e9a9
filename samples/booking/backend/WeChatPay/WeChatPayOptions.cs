namespace Booking.WeChatPay;

/// <summary>
/// The merchant that takes the deposits, from the <c>WeChatPay</c> section. Leave <see cref="MchId"/> empty and the
/// studio takes no deposit; set it and the rest is required. Checked at start-up by <see cref="WeChatPayOptionsValidator"/>.
/// </summary>
public sealed record WeChatPayOptions
{
    public const string Section = "WeChatPay";

    /// <summary>Where <c>/v3/</c> lives: <c>https://api.mch.weixin.qq.com</c> for WeChat Pay, or the Hutong node's URL.</summary>
    public Uri Server { get; init; } = new("https://api.mch.weixin.qq.com");

    /// <summary>The merchant's id (ten digits on Hutong), as the platform gave it on approval. Empty: no deposits.</summary>
    public string MchId { get; init; } = "";

    /// <summary>The serial of the merchant's API key, as the platform answered when the public key was uploaded.</summary>
    public string SerialNo { get; init; } = "";

    /// <summary>The PEM file of the merchant's RSA private key (<c>PRIVATE KEY</c> or <c>RSA PRIVATE KEY</c>). It never leaves this backend.</summary>
    public string PrivateKeyPath { get; init; } = "";

    /// <summary>The API v3 key set at the platform: 32 letters and digits. Notifications and certificates are encrypted with it.</summary>
    public string ApiV3Key { get; init; } = "";

    /// <summary>Where the platform posts payment and refund notifications: this backend's <c>/wechatpay/notify</c>, as the platform reaches it.</summary>
    public Uri? NotifyUrl { get; init; }

    public bool Enabled => !string.IsNullOrWhiteSpace(MchId);
}
