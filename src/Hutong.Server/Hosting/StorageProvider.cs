namespace Hutong.Server.Hosting;

/// <summary>Which database a node uses.</summary>
public enum StorageProvider
{
    Sqlite,
    Postgres,
}
