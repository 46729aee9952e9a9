using Amazon.Runtime;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hutong.Storage.Media;

/// <summary>Healthy when the bucket answers a HEAD within five seconds: without it no upload or download works.</summary>
internal sealed class S3HealthCheck(S3BlobStore store) : IHealthCheck
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(Limit);
        try
        {
            await store.CheckBucketAsync(bounded.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is AmazonServiceException or AmazonClientException or HttpRequestException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return HealthCheckResult.Unhealthy("The media bucket does not answer.", ex);
        }
    }
}
