using System.Globalization;
using Booking.Settings;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Booking.Store;

/// <summary>
/// The studio's SQLite file: services, sessions and bookings. A slot is one service at one start time, and the
/// database holds at most one live booking of it (a unique index over the bookings not cancelled), so two people
/// tapping the same slot at once cannot both get it.
/// </summary>
internal sealed class BookingStore(IOptions<StudioOptions> options)
{
    /// <summary>What the studio offers on first start; edit the table (or this list before the first start) to change it.</summary>
    private static readonly Service[] Seed =
    [
        new(1, "Foot massage", 60, 16800),
        new(2, "Back and shoulders", 45, 12800),
        new(3, "Full body", 90, 23800),
    ];

    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS services (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            minutes INTEGER NOT NULL,
            price INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS sessions (
            token_hash TEXT PRIMARY KEY,
            openid TEXT NOT NULL,
            expires_at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS bookings (
            id INTEGER PRIMARY KEY,
            openid TEXT NOT NULL,
            service_id INTEGER NOT NULL REFERENCES services (id),
            starts_at TEXT NOT NULL,
            name TEXT NOT NULL,
            note TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            cancelled_at INTEGER,
            reminded INTEGER NOT NULL DEFAULT 0);
        CREATE UNIQUE INDEX IF NOT EXISTS bookings_one_per_slot ON bookings (service_id, starts_at) WHERE cancelled_at IS NULL;
        CREATE INDEX IF NOT EXISTS bookings_by_person ON bookings (openid, starts_at);
        """;

    private const string BookingColumns = """
        b.id, b.openid, s.id, s.name, s.minutes, s.price, b.starts_at, b.name, b.note, b.reminded
        FROM bookings b JOIN services s ON s.id = b.service_id
        """;

    private const int SqliteConstraint = 19;

    private string ConnectionString { get; } = new SqliteConnectionStringBuilder { DataSource = options.Value.Database, ForeignKeys = true }.ToString();

    /// <summary>Makes the tables if they are missing, and the services if there are none; the number of services.</summary>
    public async Task<int> InitializeAsync(CancellationToken cancellationToken)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(options.Value.Database)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, Schema, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM services";
        if (Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
        {
            foreach (var service in Seed)
            {
                await using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO services (id, name, minutes, price) VALUES ($id, $name, $minutes, $price)";
                insert.Parameters.AddWithValue("$id", service.Id);
                insert.Parameters.AddWithValue("$name", service.Name);
                insert.Parameters.AddWithValue("$minutes", service.Minutes);
                insert.Parameters.AddWithValue("$price", service.Price);
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return (await ServicesAsync(cancellationToken)).Count;
    }

    public async Task<IReadOnlyList<Service>> ServicesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, name, minutes, price FROM services ORDER BY id";
        var services = new List<Service>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            services.Add(new Service(reader.GetInt32(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3)));
        }

        return services;
    }

    public async Task<Service?> ServiceAsync(int id, CancellationToken cancellationToken) =>
        (await ServicesAsync(cancellationToken)).FirstOrDefault(s => s.Id == id);

    public async Task AddSessionAsync(string tokenHash, string openId, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // Expired sessions go as new ones come: the table never holds more than the live ones and a few.
        command.CommandText = """
            DELETE FROM sessions WHERE expires_at < $now;
            INSERT INTO sessions (token_hash, openid, expires_at) VALUES ($hash, $openid, $expires);
            """;
        command.Parameters.AddWithValue("$now", now.ToUnixTimeSeconds());
        command.Parameters.AddWithValue("$hash", tokenHash);
        command.Parameters.AddWithValue("$openid", openId);
        command.Parameters.AddWithValue("$expires", expiresAt.ToUnixTimeSeconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The openid of a live session, or null.</summary>
    public async Task<string?> OpenIdOfAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT openid FROM sessions WHERE token_hash = $hash AND expires_at > $now";
        command.Parameters.AddWithValue("$hash", tokenHash);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeSeconds());
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>The start times of a service's live bookings on a day (<c>yyyy-MM-dd</c>).</summary>
    public async Task<IReadOnlySet<string>> TakenAsync(int serviceId, string day, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT starts_at FROM bookings WHERE service_id = $service AND starts_at LIKE $day AND cancelled_at IS NULL";
        command.Parameters.AddWithValue("$service", serviceId);
        command.Parameters.AddWithValue("$day", day + " %");
        var taken = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            taken.Add(reader.GetString(0));
        }

        return taken;
    }

    /// <summary>Books the slot; null when someone holds it already.</summary>
    public async Task<BookingRecord?> AddBookingAsync(
        string openId, Service service, string startsAt, string name, string note, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO bookings (openid, service_id, starts_at, name, note, created_at)
            VALUES ($openid, $service, $starts, $name, $note, $now)
            RETURNING id
            """;
        command.Parameters.AddWithValue("$openid", openId);
        command.Parameters.AddWithValue("$service", service.Id);
        command.Parameters.AddWithValue("$starts", startsAt);
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$note", note);
        command.Parameters.AddWithValue("$now", now.ToUnixTimeSeconds());
        try
        {
            var id = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            return new BookingRecord(id, openId, service, startsAt, name, note, Reminded: false);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteConstraint)
        {
            return null;
        }
    }

    public async Task MarkRemindedAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE bookings SET reminded = 1 WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The person's live bookings, soonest first.</summary>
    public async Task<IReadOnlyList<BookingRecord>> BookingsOfAsync(string openId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {BookingColumns} WHERE b.openid = $openid AND b.cancelled_at IS NULL ORDER BY b.starts_at, b.id";
        command.Parameters.AddWithValue("$openid", openId);
        var bookings = new List<BookingRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            bookings.Add(new BookingRecord(
                reader.GetInt64(0), reader.GetString(1), new Service(reader.GetInt32(2), reader.GetString(3), reader.GetInt32(4), reader.GetInt32(5)),
                reader.GetString(6), reader.GetString(7), reader.GetString(8), reader.GetBoolean(9)));
        }

        return bookings;
    }

    /// <summary>Cancels one of the person's live bookings, which frees its slot; false when they have no such booking.</summary>
    public async Task<bool> CancelAsync(string openId, long id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE bookings SET cancelled_at = $now WHERE id = $id AND openid = $openid AND cancelled_at IS NULL";
        command.Parameters.AddWithValue("$now", now.ToUnixTimeSeconds());
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$openid", openId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
