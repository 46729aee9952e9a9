using System.Net;
using System.Net.Sockets;
using Hutong.Accounts;
using Hutong.Accounts.Identity;
using Hutong.Chat;
using Hutong.Realtime;
using Hutong.Chat.Conversations;
using Hutong.Server.Hosting;
using Hutong.Wallet;
using Hutong.Wallet.Ledger;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Hutong.Bench.Wallet;

/// <summary>
/// A Hutong node in this process without its HTTP front: the same storage (SQLite in a fresh folder, or a fresh
/// PostgreSQL database), Orleans silo, chat and wallet services as <c>Hutong.Server</c>, so the wallet's engine (grains,
/// ledger writer, database) is measured alone. Seeding goes straight to the stores: what is measured is money moving,
/// not sign-ups.
/// </summary>
internal sealed class WalletNode : IAsyncDisposable
{
    public const string Pin = "112233";

    private readonly IHost _host;
    private readonly DirectoryInfo _folder;
    private readonly (string Admin, string Name)? _database;

    private WalletNode(IHost host, DirectoryInfo folder, (string, string)? database) => (_host, _folder, _database) = (host, folder, database);

    public IServiceProvider Services => _host.Services;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public LedgerWriter Ledger => Services.GetRequiredService<LedgerWriter>();

    public ILedgerStore LedgerStore => Services.GetRequiredService<ILedgerStore>();

    /// <summary>Starts a node on SQLite, or, given an administrator's connection string, on a database of its own there.</summary>
    public static async Task<WalletNode> StartAsync(string? postgres, CancellationToken cancellationToken, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var folder = Directory.CreateTempSubdirectory("hutong-wallet-bench-");
        var database = postgres is null ? ((string, string)?)null : (postgres, "hutong_bench_" + Guid.NewGuid().ToString("N")[..12]);
        if (database is (var admin, var name))
        {
            await ExecuteAsync(admin, $"CREATE DATABASE {name}", cancellationToken);
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hutong:Storage:Provider"] = database is null ? "Sqlite" : "Postgres",
            ["ConnectionStrings:Hutong"] = database is (var server, var db) ? new NpgsqlConnectionStringBuilder(server) { Database = db }.ConnectionString : null,
            ["Hutong:DataDirectory"] = folder.FullName,
            ["Hutong:Cluster:SiloPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Hutong:Cluster:GatewayPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Hutong:Security:PasswordIterations"] = "10000",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddHutongStorage();
        builder.AddHutongCluster();
        builder.AddAccounts();
        builder.AddRealtime();
        builder.AddChat();
        builder.AddWallet();
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new WalletNode(host, folder, database);
    }

    /// <summary>People with wallets holding <paramref name="balance"/> fen each, and a payment PIN.</summary>
    public async Task<Guid[]> SeedPeopleAsync(int count, long balance, CancellationToken cancellationToken)
    {
        var pins = Services.GetRequiredService<Hutong.Wallet.Pins.IPinStore>();
        var hasher = Services.GetRequiredService<PasswordHasher>();
        var (password, pin) = (hasher.Hash("bench-password"), hasher.Hash(Pin));
        var now = TimeProvider.System.GetUtcNow();
        var people = Enumerable.Range(0, count).Select(_ => Guid.CreateVersion7()).ToArray();
        await Parallel.ForEachAsync(people, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (id, ct) =>
        {
            // The account store is scoped: one database context per caller.
            await using var scope = Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IAccountStore>().TryAddAsync(new Account(id, "b" + id.ToString("N")[^19..], "bench", null, password, now), ct);
            await pins.SetAsync(id, pin, ct);
        });

        var currency = Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WalletOptions>>().Value.Currency;
        await Task.WhenAll(people.Select(id => Ledger.ApplyAsync(
            new TransferRequest($"seed:{id:N}", WalletAccounts.RailId, id, balance, TransferCode.TopUp),
            WalletAccounts.Rail(currency), WalletAccounts.Person(id, currency))));
        return people;
    }

    /// <summary>A group of the given people, the first its owner.</summary>
    public async Task<Guid> SeedGroupAsync(IReadOnlyList<Guid> members, CancellationToken cancellationToken)
    {
        var now = TimeProvider.System.GetUtcNow();
        var conversation = new Conversation(Guid.CreateVersion7(), ConversationKind.Group, "bench", null, null, null, now, false);
        await Services.GetRequiredService<IConversationStore>().CreateGroupAsync(
            conversation,
            [.. members.Select((m, i) => new Member(conversation.Id, m, i == 0 ? MemberRole.Owner : MemberRole.Member, now, 0, 0, false, false))],
            cancellationToken);
        return conversation.Id;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        _folder.Delete(recursive: true);
        if (_database is (var admin, var name))
        {
            await ExecuteAsync(admin, $"DROP DATABASE {name} WITH (FORCE)", CancellationToken.None);
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
