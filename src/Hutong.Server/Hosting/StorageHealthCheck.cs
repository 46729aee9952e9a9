using Hutong.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hutong.Server.Hosting;

internal sealed class StorageHealthCheck(HutongDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
}
