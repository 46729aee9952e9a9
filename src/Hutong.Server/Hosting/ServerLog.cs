namespace Hutong.Server.Hosting;

/// <summary>Host log events: ids 100-999.</summary>
internal static partial class ServerLog
{
    [LoggerMessage(100, LogLevel.Information, "Storage ready on {Provider}")]
    public static partial void StorageReady(ILogger logger, string provider);

    [LoggerMessage(101, LogLevel.Error, "Unhandled exception on {Method} {Path}")]
    public static partial void UnhandledException(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(102, LogLevel.Warning, "A node of the cluster could not be reached on {Method} {Path}; answered 503 to retry")]
    public static partial void ClusterFault(ILogger logger, Exception exception, string method, string path);
}
