using Hutong.Core.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hutong.Core.RateLimits;

/// <summary>The host's rate-limit policies by name (<see cref="RateLimitPolicies"/>): whom a request counts against, and the limit.</summary>
public sealed class HttpRateLimitPolicies
{
    private readonly Dictionary<string, Func<HttpContext, (string Partition, RateLimit Limit)>> _policies = new(StringComparer.Ordinal);

    public void Add(string policy, Func<HttpContext, (string Partition, RateLimit Limit)> resolve) => _policies[policy] = resolve;

    internal (string Partition, RateLimit Limit) Resolve(string policy, HttpContext http) =>
        _policies.TryGetValue(policy, out var resolve) ? resolve(http) : throw new InvalidOperationException($"No rate-limit policy '{policy}' is defined.");
}

public static class HttpRateLimits
{
    /// <summary>
    /// Counts each request against the policy across the cluster; over the limit it is answered 429 with Retry-After
    /// and never reaches the handler.
    /// </summary>
    public static RouteHandlerBuilder RequireClusterRateLimit(this RouteHandlerBuilder builder, string policy) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var (partition, limit) = http.RequestServices.GetRequiredService<IOptions<HttpRateLimitPolicies>>().Value.Resolve(policy, http);
            return await http.RequestServices.GetRequiredService<ClusterRateLimiter>().RefuseAsync(policy, partition, limit) is { } refused
                ? refused.ToProblem()
                : await next(context);
        }).ProducesProblem(StatusCodes.Status429TooManyRequests);
}
