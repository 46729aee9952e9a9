namespace Hutong.Server.Hosting;

/// <summary><c>Hutong:RateLimits</c>: limits on the endpoints that attract abuse.</summary>
public sealed record RateLimitOptions
{
    public const string Section = "Hutong:RateLimits";

    /// <summary>Sign-ups per client address.</summary>
    public RateLimit SignUp { get; init; } = new() { PermitLimit = 10, Window = TimeSpan.FromHours(1) };

    /// <summary>Login attempts per client address; slows password guessing.</summary>
    public RateLimit Login { get; init; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(5) };

    /// <summary>Friend requests per person.</summary>
    public RateLimit FriendRequests { get; init; } = new() { PermitLimit = 60, Window = TimeSpan.FromHours(1) };
}
