using Npgsql;

namespace Hutong.Testing;

/// <summary>
/// The throwaway PostgreSQL cluster that <c>scripts/test.sh</c> starts and names in <c>HUTONG_TEST_POSTGRES</c>.
/// Each test server gets a database of its own. Without the cluster, PostgreSQL tests are skipped on a developer's
/// machine and fail in CI, where a missing database is a broken run, not a pass.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "HUTONG_TEST_POSTGRES";

    public static string? AdminConnectionString => Environment.GetEnvironmentVariable(Variable);

    public static async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        var admin = AdminConnectionString;
        if (string.IsNullOrEmpty(admin))
        {
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            {
                throw new InvalidOperationException($"CI is set but {Variable} is not: run the tests through scripts/test.sh.");
            }

            Assert.Skip($"PostgreSQL is not available: run scripts/test.sh, which starts a throwaway cluster and sets {Variable}.");
        }

        var name = "hutong_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }
}
