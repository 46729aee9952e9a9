using Hutong.Core.RateLimits;

namespace Hutong.Server.Hosting;

/// <summary><c>Hutong:RateLimits</c>: limits on the endpoints that attract abuse.</summary>
public sealed record RateLimitOptions
{
    public const string Section = "Hutong:RateLimits";

    /// <summary>Sign-ups per client address.</summary>
    public RateLimit SignUp { get; init; } = new() { PermitLimit = 10, Window = TimeSpan.FromHours(1) };

    /// <summary>Friend requests per person.</summary>
    public RateLimit FriendRequests { get; init; } = new() { PermitLimit = 60, Window = TimeSpan.FromHours(1) };
}
