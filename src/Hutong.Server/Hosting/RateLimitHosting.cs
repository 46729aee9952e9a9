using System.Threading.RateLimiting;
using Hutong.Contracts;
using Hutong.Core.Errors;
using Hutong.Core.Http;

namespace Hutong.Server.Hosting;

internal static class RateLimitHosting
{
    private static readonly Error Limited = new(ErrorCodes.RateLimited, 429, "Too many requests; try again later.");

    public static IHostApplicationBuilder AddHutongRateLimits(this IHostApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateOnStart();
        builder.Services.AddRateLimiter(o =>
        {
            o.AddPolicy(RateLimitPolicies.SignUp, http => Window(ClientAddress(http), limits.SignUp));
            o.AddPolicy(RateLimitPolicies.FriendRequests, http =>
                Window(http.User.FindFirst(ClaimsPrincipalExtensions.UserIdClaim)?.Value ?? ClientAddress(http), limits.FriendRequests));
            o.OnRejected = async (context, cancellationToken) =>
            {
                var response = context.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                // The wait goes in the body's retryAfter as every other problem's does; the problem hook adds the header.
                var error = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Limited with { RetryAfter = retryAfter } : Limited;
                await error.ToProblem().ExecuteAsync(context.HttpContext);
            };
        });
        return builder;
    }

    private static RateLimitPartition<string> Window(string key, RateLimit limit) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            QueueLimit = 0,
        });

    private static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
