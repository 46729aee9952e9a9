using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Booking.WeChatPay;

/// <summary>Refuses to start with merchant settings that could never work, naming the setting to fix.</summary>
internal sealed class WeChatPayOptionsValidator : IValidateOptions<WeChatPayOptions>
{
    public ValidateOptionsResult Validate(string? name, WeChatPayOptions options)
    {
        if (!options.Enabled)
        {
            return options.SerialNo.Length > 0 || options.PrivateKeyPath.Length > 0 || options.ApiV3Key.Length > 0 || options.NotifyUrl is { OriginalString.Length: > 0 }
                ? ValidateOptionsResult.Fail("WeChatPay:MchId is required once any WeChatPay setting is given: the merchant's id, as the platform gave it on approval.")
                : ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!IsHttp(options.Server))
        {
            failures.Add("WeChatPay:Server is an absolute http or https URL: the node's, or https://api.mch.weixin.qq.com for WeChat Pay.");
        }

        if (string.IsNullOrWhiteSpace(options.SerialNo))
        {
            failures.Add("WeChatPay:SerialNo is required: the serialNo the platform answered when the public key was uploaded.");
        }

        if (string.IsNullOrWhiteSpace(options.PrivateKeyPath) || !File.Exists(options.PrivateKeyPath))
        {
            failures.Add($"WeChatPay:PrivateKeyPath is the PEM file of the merchant's private key; '{options.PrivateKeyPath}' is not a file.");
        }
        else
        {
            try
            {
                using var key = WeChatPayClient.ReadPrivateKey(options.PrivateKeyPath);
                if (key.KeySize < 2048)
                {
                    failures.Add("WeChatPay:PrivateKeyPath holds a key shorter than 2048 bits; make a new one of 2048.");
                }
            }
            catch (Exception e) when (e is ArgumentException or CryptographicException)
            {
                failures.Add("WeChatPay:PrivateKeyPath is not the PEM of an RSA private key (-----BEGIN PRIVATE KEY-----).");
            }
        }

        if (options.ApiV3Key.Length != 32 || !options.ApiV3Key.All(char.IsAsciiLetterOrDigit))
        {
            failures.Add("WeChatPay:ApiV3Key is the 32 letters and digits set as the merchant's API v3 key.");
        }

        if (!IsHttp(options.NotifyUrl) || !string.IsNullOrEmpty(options.NotifyUrl!.Query))
        {
            failures.Add("WeChatPay:NotifyUrl is required: this backend's /wechatpay/notify as the platform reaches it, an absolute URL without a query.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttp(Uri? uri) => uri is { IsAbsoluteUri: true } && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
