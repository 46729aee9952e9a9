using Hutong.Core.Errors;
using Hutong.Core.RateLimits;
using Microsoft.Extensions.Options;

namespace Hutong.Chat.Messages;

/// <summary>
/// Sends per person across the cluster, over HTTP and the gateway together, so using both (or devices on several
/// nodes) does not multiply anyone's allowance. A fixed window: a person may burst, a script cannot flood.
/// </summary>
public sealed class SendLimiter(ClusterRateLimiter limiter, IOptions<ChatOptions> options)
{
    private const string Policy = "sends";

    /// <summary>Null when the person may send now; otherwise the 429 to answer with.</summary>
    public Task<Error?> RefuseAsync(Guid userId) => limiter.RefuseAsync(
        Policy, userId.ToString("N"), new RateLimit { PermitLimit = options.Value.SendsPerWindow, Window = options.Value.SendWindow },
        "You are sending too fast; try again in a moment.");
}
