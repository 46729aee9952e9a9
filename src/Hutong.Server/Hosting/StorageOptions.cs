namespace Hutong.Server.Hosting;

/// <summary><c>Hutong:Storage</c>. The connection string is <c>ConnectionStrings:Hutong</c>.</summary>
public sealed record StorageOptions
{
    public const string Section = "Hutong:Storage";

    /// <summary><c>Sqlite</c> (a file under the data directory) or <c>Postgres</c> (needs <c>ConnectionStrings:Hutong</c>).</summary>
    public StorageProvider Provider { get; init; } = StorageProvider.Sqlite;
}
