using System.Reflection;
using Hutong.Server.Hosting;
using Xunit.Sdk;
using Xunit.v3;

namespace Hutong.Testing;

/// <summary>
/// Runs a theory once on every storage provider the server knows, as a test case each. A PostgreSQL case with no
/// cluster to run on is skipped, or fails in CI, when it asks for its database (<see cref="TestPostgres"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ProviderDataAttribute : DataAttribute
{
    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker) =>
        ValueTask.FromResult<IReadOnlyCollection<ITheoryDataRow>>([.. Enum.GetValues<StorageProvider>().Select(provider => new TheoryDataRow<StorageProvider>(provider))]);

    /// <summary>The providers are fixed and cheap to list, so each is its own test case from discovery on.</summary>
    public override bool SupportsDiscoveryEnumeration() => true;
}
