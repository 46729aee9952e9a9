using System.Collections.Concurrent;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Hutong.Storage;

/// <summary>
/// Inserts rows inside the caller's transaction, bypassing the change tracker: the chat writer's group commit appends
/// thousands of rows per transaction, and EF's per-entity bookkeeping cost more than the database's own work. Columns,
/// names and value conversions come from the EF model, so the rows are exactly what <c>SaveChanges</c> would have
/// written and read back the same way.
/// <para>
/// PostgreSQL gets multi-row statements, one round trip per 64 rows. SQLite is in-process, so round trips cost
/// nothing, but it finds each named parameter by a linear search: one prepared single-row statement, run per row, is
/// its fastest form.
/// </para>
/// </summary>
internal static class BulkInsert
{
    /// <summary>Rows per statement on PostgreSQL: few round trips per batch, and few distinct statement texts to cache.</summary>
    private const int RowsPerStatement = 64;

    private static readonly ConcurrentDictionary<(IModel, Type, string?), Table> Tables = new();

    public static Task InsertAsync<TRow>(HutongDbContext db, IReadOnlyList<TRow> rows, CancellationToken cancellationToken)
        where TRow : class =>
        WriteAsync(db, rows, overwrite: null, cancellationToken);

    /// <summary>
    /// Inserts the rows, or where one with the same key exists, overwrites the named properties only. Naming them keeps
    /// the database from rewriting index entries of columns that do not change (an update that sets an indexed column,
    /// even to its old value, deletes and re-inserts its index entry).
    /// </summary>
    public static Task UpsertAsync<TRow>(HutongDbContext db, IReadOnlyList<TRow> rows, IReadOnlyList<string> overwrite, CancellationToken cancellationToken)
        where TRow : class =>
        WriteAsync(db, rows, string.Join(',', overwrite), cancellationToken);

    /// <summary>Inserts the rows, keeping any row with the same key that is there already.</summary>
    public static Task InsertMissingAsync<TRow>(HutongDbContext db, IReadOnlyList<TRow> rows, CancellationToken cancellationToken)
        where TRow : class =>
        WriteAsync(db, rows, overwrite: "", cancellationToken);

    private static async Task WriteAsync<TRow>(HutongDbContext db, IReadOnlyList<TRow> rows, string? overwrite, CancellationToken cancellationToken)
        where TRow : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var table = Tables.GetOrAdd((db.Model, typeof(TRow), overwrite), static key => Table.Of(key.Item1, key.Item2, key.Item3 is "" ? [] : key.Item3?.Split(',')));
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts run inside the writer's transaction.");
        var perStatement = db.IsPostgres ? RowsPerStatement : 1;
        var size = 0;
        for (var start = 0; start < rows.Count; start += perStatement)
        {
            var count = Math.Min(perStatement, rows.Count - start);
            if (count != size)
            {
                // Unchanged text keeps the statement SQLite compiled on the first run.
                command.CommandText = table.Sql(count);
                command.Parameters.Clear();
                var index = 0;
                for (var r = start; r < start + count; r++)
                {
                    foreach (var column in table.Columns)
                    {
                        command.Parameters.Add(column.Mapping.CreateParameter(command, table.Parameter(index++), column.Read(rows[r]), column.Nullable));
                    }
                }

                size = count;
            }
            else
            {
                // The same statement again: only the values change, so the parameters (name, type) stay.
                var index = 0;
                for (var r = start; r < start + count; r++)
                {
                    foreach (var column in table.Columns)
                    {
                        command.Parameters[index++].Value = column.ToProvider(column.Read(rows[r])) ?? DBNull.Value;
                    }
                }
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private sealed record Column(string Name, RelationalTypeMapping Mapping, Func<object, object?> Read, bool Nullable)
    {
        /// <summary>The value as the database stores it, as <see cref="RelationalTypeMapping.CreateParameter"/> converts it.</summary>
        public object? ToProvider(object? value) => Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
    }

    private sealed class Table(string name, Column[] columns, string[]? keys, string[]? overwrite)
    {
        private readonly string?[] _sql = new string?[RowsPerStatement + 1];
        private readonly string[] _parameters = [.. Enumerable.Range(0, RowsPerStatement * columns.Length).Select(i => "@p" + i)];

        public Column[] Columns => columns;

        public static Table Of(IModel model, Type type, string[]? overwrite)
        {
            var entity = model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
            var tableName = entity.GetTableName()!;
            var store = StoreObjectIdentifier.Table(tableName, entity.GetSchema());
            var columns = entity.GetProperties()
                .Select(p =>
                {
                    var getter = p.GetGetter();
                    return new Column(p.GetColumnName(store)!, (RelationalTypeMapping)p.GetRelationalTypeMapping(), getter.GetClrValueUsingContainingEntity, p.IsNullable);
                })
                .ToArray();
            var keys = overwrite is null ? null : entity.FindPrimaryKey()!.Properties.Select(p => p.GetColumnName(store)!).ToArray();
            var overwritten = overwrite?.Select(name => entity.GetProperty(name).GetColumnName(store)!).ToArray();
            return new Table(tableName, columns, keys, overwritten);
        }

        public string Parameter(int index) => _parameters[index];

        /// <summary>The statement for a number of rows, built once per size.</summary>
        public string Sql(int rows) => _sql[rows] ??= Build(rows);

        private string Build(int count)
        {
            var sql = new StringBuilder("INSERT INTO ").Append(Quote(name)).Append(" (")
                .AppendJoin(", ", columns.Select(c => Quote(c.Name))).Append(") VALUES ");
            var index = 0;
            for (var r = 0; r < count; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Length; c++)
                {
                    sql.Append(c == 0 ? "" : ", ").Append(_parameters[index++]);
                }

                sql.Append(')');
            }

            if (overwrite is [])
            {
                sql.Append(" ON CONFLICT DO NOTHING");
            }
            else if (keys is not null && overwrite is not null)
            {
                // Both SQLite (3.24 on) and PostgreSQL speak this form of upsert.
                sql.Append(" ON CONFLICT (").AppendJoin(", ", keys.Select(Quote)).Append(") DO UPDATE SET ")
                    .AppendJoin(", ", overwrite.Select(c => Quote(c) + " = excluded." + Quote(c)));
            }

            return sql.ToString();
        }

        private static string Quote(string identifier) => "\"" + identifier + "\"";
    }
}
