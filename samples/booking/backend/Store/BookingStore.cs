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
        CREATE TABLE IF NOT EXISTS deposits (
            booking_id INTEGER PRIMARY KEY REFERENCES bookings (id),
            out_trade_no TEXT NOT NULL UNIQUE,
            amount INTEGER NOT NULL,
            prepay_id TEXT,
            transaction_id TEXT,
            paid_at INTEGER,
            closed_at INTEGER,
            out_refund_no TEXT UNIQUE,
            refund_id TEXT,
            refunded_at INTEGER);
        CREATE TABLE IF NOT EXISTS pay_notifications (
            id TEXT PRIMARY KEY,
            received_at INTEGER NOT NULL);
        """;

    private const string BookingColumns = """
        b.id, b.openid, s.id, s.name, s.minutes, s.price, b.starts_at, b.name, b.note, b.reminded,
        d.booking_id, d.out_trade_no, d.amount, d.prepay_id, d.transaction_id, d.paid_at, d.closed_at, d.out_refund_no, d.refund_id, d.refunded_at
        FROM bookings b JOIN services s ON s.id = b.service_id LEFT JOIN deposits d ON d.booking_id = b.id
        """;

    private const string DepositColumns = """
        booking_id, out_trade_no, amount, prepay_id, transaction_id, paid_at, closed_at, out_refund_no, refund_id, refunded_at FROM deposits
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
            bookings.Add(ReadBooking(reader));
        }

        return bookings;
    }

    /// <summary>One of the person's live bookings, with its deposit; null when they have no such booking.</summary>
    public async Task<BookingRecord?> BookingOfAsync(string openId, long id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {BookingColumns} WHERE b.id = $id AND b.openid = $openid AND b.cancelled_at IS NULL";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$openid", openId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadBooking(reader) : null;
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

    /// <summary>The booking's deposit, to be paid through the order <paramref name="outTradeNo"/>; the one it has if it has one.</summary>
    public async Task<DepositRecord> AddDepositAsync(long bookingId, string outTradeNo, int amount, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO deposits (booking_id, out_trade_no, amount) VALUES ($id, $no, $amount) ON CONFLICT (booking_id) DO NOTHING";
        command.Parameters.AddWithValue("$id", bookingId);
        command.Parameters.AddWithValue("$no", outTradeNo);
        command.Parameters.AddWithValue("$amount", amount);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return (await DepositWhereAsync("booking_id = $key", bookingId, cancellationToken))!;
    }

    public Task<DepositRecord?> DepositAsync(long bookingId, CancellationToken cancellationToken) =>
        DepositWhereAsync("booking_id = $key", bookingId, cancellationToken);

    public Task<DepositRecord?> DepositByTradeNoAsync(string outTradeNo, CancellationToken cancellationToken) =>
        DepositWhereAsync("out_trade_no = $key", outTradeNo, cancellationToken);

    public Task<DepositRecord?> DepositByRefundNoAsync(string outRefundNo, CancellationToken cancellationToken) =>
        DepositWhereAsync("out_refund_no = $key", outRefundNo, cancellationToken);

    /// <summary>The order the deposit is paid through, once the platform has made it.</summary>
    public Task SetPrepayIdAsync(long bookingId, string prepayId, CancellationToken cancellationToken) =>
        UpdateAsync("UPDATE deposits SET prepay_id = $value WHERE booking_id = $id AND paid_at IS NULL", bookingId, prepayId, cancellationToken);

    /// <summary>A new order number for a deposit whose order closed unpaid (it expired): the next order is a new one.</summary>
    public Task RenewOrderAsync(long bookingId, string outTradeNo, CancellationToken cancellationToken) =>
        UpdateAsync("UPDATE deposits SET out_trade_no = $value, prepay_id = NULL WHERE booking_id = $id AND paid_at IS NULL", bookingId, outTradeNo, cancellationToken);

    /// <summary>Marks the deposit paid; false when it was already (a second notification, or the query and the notification both).</summary>
    public async Task<bool> MarkPaidAsync(string outTradeNo, string transactionId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE deposits SET transaction_id = $transaction, paid_at = $at WHERE out_trade_no = $no AND paid_at IS NULL";
        command.Parameters.AddWithValue("$transaction", transactionId);
        command.Parameters.AddWithValue("$at", at.ToUnixTimeSeconds());
        command.Parameters.AddWithValue("$no", outTradeNo);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public Task MarkClosedAsync(long bookingId, DateTimeOffset at, CancellationToken cancellationToken) =>
        UpdateAsync("UPDATE deposits SET closed_at = $value WHERE booking_id = $id AND paid_at IS NULL", bookingId, at.ToUnixTimeSeconds(), cancellationToken);

    /// <summary>
    /// The refund's number, given once and kept before the platform is asked, so that asking again (after a timeout,
    /// say) is the same refund and never a second one.
    /// </summary>
    public async Task<string> RefundNumberAsync(long bookingId, string outRefundNo, CancellationToken cancellationToken)
    {
        await UpdateAsync("UPDATE deposits SET out_refund_no = $value WHERE booking_id = $id AND out_refund_no IS NULL", bookingId, outRefundNo, cancellationToken);
        return (await DepositAsync(bookingId, cancellationToken))!.OutRefundNo!;
    }

    /// <summary>The platform's refund id, and when the money was back (null while the refund is processing).</summary>
    public async Task MarkRefundAsync(string outRefundNo, string refundId, DateTimeOffset? at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE deposits SET refund_id = $refund, refunded_at = coalesce(refunded_at, $at) WHERE out_refund_no = $no";
        command.Parameters.AddWithValue("$refund", refundId);
        command.Parameters.AddWithValue("$at", at is { } when ? when.ToUnixTimeSeconds() : DBNull.Value);
        command.Parameters.AddWithValue("$no", outRefundNo);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Whether a notification with this id was handled already (the platform sends each until it is answered 2xx).</summary>
    public async Task<bool> NotificationSeenAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM pay_notifications WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0;
    }

    public async Task AddNotificationAsync(string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO pay_notifications (id, received_at) VALUES ($id, $at) ON CONFLICT (id) DO NOTHING";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$at", at.ToUnixTimeSeconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static BookingRecord ReadBooking(SqliteDataReader reader) => new(
        reader.GetInt64(0), reader.GetString(1), new Service(reader.GetInt32(2), reader.GetString(3), reader.GetInt32(4), reader.GetInt32(5)),
        reader.GetString(6), reader.GetString(7), reader.GetString(8), reader.GetBoolean(9), reader.IsDBNull(10) ? null : ReadDeposit(reader, 10));

    private static DepositRecord ReadDeposit(SqliteDataReader reader, int first)
    {
        string? Text(int i) => reader.IsDBNull(first + i) ? null : reader.GetString(first + i);
        DateTimeOffset? Time(int i) => reader.IsDBNull(first + i) ? null : DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(first + i));
        return new DepositRecord(reader.GetInt64(first), reader.GetString(first + 1), reader.GetInt32(first + 2), Text(3), Text(4), Time(5), Time(6), Text(7), Text(8), Time(9));
    }

    private async Task<DepositRecord?> DepositWhereAsync(string condition, object key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {DepositColumns} WHERE {condition}";
        command.Parameters.AddWithValue("$key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadDeposit(reader, 0) : null;
    }

    private async Task UpdateAsync(string sql, long bookingId, object value, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", bookingId);
        command.Parameters.AddWithValue("$value", value);
        await command.ExecuteNonQueryAsync(cancellationToken);
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
