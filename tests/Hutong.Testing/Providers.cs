using Hutong.Server.Hosting;

namespace Hutong.Testing;

/// <summary>Theory data that runs a test once on every storage provider.</summary>
public static class Providers
{
    public static TheoryData<StorageProvider> All => new(StorageProvider.Sqlite, StorageProvider.Postgres);
}
