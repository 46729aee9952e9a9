using Microsoft.Extensions.Options;

namespace Booking.Settings;

/// <summary>Refuses to start with platform settings that could never work, naming the setting to fix.</summary>
internal sealed class PlatformOptionsValidator : IValidateOptions<PlatformOptions>
{
    public ValidateOptionsResult Validate(string? name, PlatformOptions options)
    {
        var failures = new List<string>();
        if (options.Server is not { IsAbsoluteUri: true } server || (server.Scheme != Uri.UriSchemeHttp && server.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add("Hutong:Server is required: the node's absolute http or https URL, such as http://127.0.0.1:5080 (or https://api.weixin.qq.com for WeChat).");
        }

        if (string.IsNullOrWhiteSpace(options.AppId))
        {
            failures.Add("Hutong:AppId is required: the mini-program's app id (wx + 16 hex), as `hutong mp new` printed it.");
        }

        if (string.IsNullOrWhiteSpace(options.AppSecret))
        {
            failures.Add("Hutong:AppSecret is required: the app secret `hutong mp new` showed once (make a new one in the studio if it is lost).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
