using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Hutong.Storage.Sqlite;

/// <summary>
/// Per-connection settings, applied whenever a pooled connection is opened. SQLite's default page cache is 2 MiB per
/// connection, less than the hot parts of the indexes every group commit updates, so each commit read them again with
/// a system call per page; 16 MiB keeps them. (A memory map of the file did no better and counts the whole mapped
/// file in the process's resident memory.)
/// <para>
/// The WAL is copied back into the database (checkpointed) once it holds 65,536 pages (256 MiB) instead of SQLite's
/// 1,000: a group commit dirties thousands of pages, so at 1,000 nearly every commit paid for a checkpoint too, and
/// pages written again and again (account rows, index leaves) were copied back each time. Under sustained ledger load
/// this doubled red packet opens per second. The file is cut back to 64 MiB after a checkpoint.
/// </para>
/// <para>
/// The settings last as long as the native connection, which Microsoft.Data.Sqlite pools under many opens: they are
/// applied once per native handle, not on every open, which cost each query a second statement.
/// </para>
/// </summary>
internal sealed class SqliteTuning : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA cache_size = -16384; PRAGMA wal_autocheckpoint = 65536; PRAGMA journal_size_limit = 67108864;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    /// <summary>The native connections already tuned; an entry goes with its handle.</summary>
    private static readonly ConditionalWeakTable<sqlite3, object> Tuned = [];

    private static void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle } && !Tuned.TryAdd(handle, Tuned))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}
