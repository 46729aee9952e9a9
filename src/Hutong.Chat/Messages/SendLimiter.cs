using System.Threading.RateLimiting;
using Hutong.Contracts;
using Hutong.Core.Errors;
using Microsoft.Extensions.Options;

namespace Hutong.Chat.Messages;

/// <summary>
/// Sends per person on this node, over HTTP and the gateway together, so using both does not double anyone's
/// allowance. A fixed window: a person may burst, a script cannot flood.
/// </summary>
public sealed class SendLimiter(IOptions<ChatOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<Guid> _limiter = PartitionedRateLimiter.Create<Guid, Guid>(user =>
        RateLimitPartition.GetFixedWindowLimiter(user, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.SendsPerWindow,
            Window = options.Value.SendWindow,
            QueueLimit = 0,
        }));

    /// <summary>Null when the person may send now; otherwise the 429 to answer with.</summary>
    public Error? Refuse(Guid userId)
    {
        using var lease = _limiter.AttemptAcquire(userId);
        if (lease.IsAcquired)
        {
            return null;
        }

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : options.Value.SendWindow;
        return new Error(ErrorCodes.RateLimited, 429, "You are sending too fast; try again in a moment.") { RetryAfter = retryAfter };
    }

    public void Dispose() => _limiter.Dispose();
}
