using Microsoft.Extensions.DependencyInjection.Extensions;
using Hutong.Core.Http;
using Hutong.Core.RateLimits;

namespace Hutong.Server.Hosting;

/// <summary>The limits on endpoints that attract abuse, counted across the cluster (<see cref="IRateLimitGrain"/>).</summary>
internal static class RateLimitHosting
{
    public static IHostApplicationBuilder AddHutongRateLimits(this IHostApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateOnStart();
        builder.Services.TryAddSingleton<ClusterRateLimiter>();
        builder.Services.Configure<HttpRateLimitPolicies>(o =>
        {
            o.Add(RateLimitPolicies.SignUp, http => (ClientAddress(http), limits.SignUp));
            o.Add(RateLimitPolicies.FriendRequests, http =>
                (http.User.FindFirst(ClaimsPrincipalExtensions.UserIdClaim)?.Value ?? ClientAddress(http), limits.FriendRequests));
        });
        return builder;
    }

    /// <summary>The client's address: the balancer's X-Forwarded-For when it is a trusted proxy (HttpOptions.TrustedProxies).</summary>
    private static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
