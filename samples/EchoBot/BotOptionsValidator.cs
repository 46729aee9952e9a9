using EchoBot.Protocol;
using Microsoft.Extensions.Options;

namespace EchoBot;

/// <summary>Refuses to start with settings that could never work, naming the setting to fix.</summary>
internal sealed class BotOptionsValidator : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrEmpty(options.Token))
        {
            failures.Add("Bot:Token is required: the token entered in the account's developer settings.");
        }

        if (!string.IsNullOrEmpty(options.EncodingAesKey))
        {
            if (!MessageCrypto.IsValidKey(options.EncodingAesKey))
            {
                failures.Add("Bot:EncodingAESKey is 43 letters and digits, exactly as in the developer settings.");
            }

            if (string.IsNullOrEmpty(options.AppId))
            {
                failures.Add("Bot:AppId is required with Bot:EncodingAESKey: every encrypted push ends with it.");
            }
        }

        if (!options.ApiBase.IsAbsoluteUri || (options.ApiBase.Scheme != Uri.UriSchemeHttp && options.ApiBase.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add("Bot:ApiBase is an absolute http or https URL, such as https://api.weixin.qq.com or http://127.0.0.1:5080.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
