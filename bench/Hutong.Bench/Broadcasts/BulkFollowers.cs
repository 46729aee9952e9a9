using System.Globalization;
using Hutong.Core.Identity;
using Microsoft.Data.Sqlite;

namespace Hutong.Bench.Broadcasts;

/// <summary>
/// Followers by the million, written straight into the node's SQLite file: signing up a million people through the
/// API would take hours, and a broadcast costs the same whoever its followers are. Each is a real account row (no
/// password can open it) and a follower row with the openid the node itself would derive, so the node reads them as
/// its own; the run checks that through the API (the follower count, and one of them by openid).
/// </summary>
internal static class BulkFollowers
{
    /// <summary>Rows a transaction: big enough to be quick, small enough that the node's own writes wait little.</summary>
    private const int Batch = 50_000;

    public static async Task<string> SeedAsync(string database, Guid accountId, string appId, int count, DateTimeOffset followedAt, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False;Default Timeout=60");
        await connection.OpenAsync(cancellationToken);
        var key = await KeyAsync(connection, cancellationToken);
        var run = Guid.NewGuid().ToString("N")[..6];
        var ticks = followedAt.UtcTicks;
        string? sample = null;
        for (var start = 0; start < count; start += Batch)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var account = Command(
                connection, transaction,
                "INSERT INTO accounts (id, handle, display_name, avatar_url, password_hash, created_at) VALUES ($id, $handle, $name, NULL, '!', $at)",
                "$id", "$handle", "$name", "$at");
            await using var follower = Command(
                connection, transaction,
                "INSERT INTO oa_followers (account_id, user_id, open_id, following, followed_at, scene, language, remark, muted, qr_scene_id, qr_scene_str, qr_ticket, read_up_to) " +
                "VALUES ($account, $user, $openid, 1, $at, 'search', 'zh_CN', '', 0, NULL, NULL, NULL, 0)",
                "$account", "$user", "$openid", "$at");
            follower.Parameters["$account"].Value = Format(accountId);
            for (var i = start; i < Math.Min(count, start + Batch); i++)
            {
                var userId = Guid.CreateVersion7();
                var openId = AppIdentities.OpenId(key, appId, userId);
                account.Parameters["$id"].Value = Format(userId);
                account.Parameters["$handle"].Value = string.Create(CultureInfo.InvariantCulture, $"f{run}{i}");
                account.Parameters["$name"].Value = string.Create(CultureInfo.InvariantCulture, $"Follower {i}");
                account.Parameters["$at"].Value = ticks;
                await account.ExecuteNonQueryAsync(cancellationToken);
                follower.Parameters["$user"].Value = Format(userId);
                follower.Parameters["$openid"].Value = openId;
                follower.Parameters["$at"].Value = ticks;
                await follower.ExecuteNonQueryAsync(cancellationToken);
                sample ??= openId;
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return sample ?? throw new InvalidOperationException("No followers were asked for.");
    }

    /// <summary>The node's openid key (made when the first person followed through the API).</summary>
    private static async Task<byte[]> KeyAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM platform_keys WHERE name = 'openid'";
        return await command.ExecuteScalarAsync(cancellationToken) as byte[]
            ?? throw new InvalidOperationException("The node has no openid key yet: someone must follow through the API first.");
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        command.Prepare();
        return command;
    }

    /// <summary>As EF Core's SQLite provider stores a Guid: upper-case text.</summary>
    private static string Format(Guid id) => id.ToString().ToUpperInvariant();
}
