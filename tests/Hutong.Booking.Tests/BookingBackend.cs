extern alias BookingSample;

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Hutong.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Time.Testing;
using BookingProgram = BookingSample::Program;

namespace Hutong.Booking.Tests;

/// <summary>
/// The sample's backend, in process, configured only by its settings as its README runs it. Its calls to the
/// platform reach the test's node (its in-memory server), and its clock is a fake one, so the days and slots are
/// the same on every run.
/// </summary>
/// <remarks>
/// With a merchant it takes deposits: it then listens on a loopback port of its own (real Kestrel), where the node
/// posts the payment notifications, and its clock is the real time when it starts, since the node checks the
/// timestamps of signed requests against its own.
/// </remarks>
public sealed class BookingBackend : WebApplicationFactory<BookingProgram>
{
    /// <summary>Saturday 5 December 2026, 09:00 at the studio (Asia/Shanghai): the first slot is at 10:00.</summary>
    public static readonly DateTimeOffset Start = new(2026, 12, 5, 1, 0, 0, TimeSpan.Zero);

    private readonly string _database = Path.Combine(Path.GetTempPath(), $"booking-{Guid.NewGuid():N}.db");
    private readonly HutongApp _node;
    private readonly string _appId;
    private readonly string _secret;
    private readonly SampleMerchant? _merchant;
    private readonly Uri? _notifyUrl;

    public BookingBackend(HutongApp node, string appId, string secret)
        : this(node, appId, secret, null, 0, null, Start)
    {
    }

    private BookingBackend(HutongApp node, string appId, string secret, SampleMerchant? merchant, int port, Uri? notifyUrl, DateTimeOffset start)
    {
        _node = node;
        _appId = appId;
        _secret = secret;
        _merchant = merchant;
        _notifyUrl = notifyUrl;
        Port = port;
        Clock = new FakeTimeProvider(start);
    }

    public FakeTimeProvider Clock { get; }

    /// <summary>The loopback port a backend with a merchant listens on.</summary>
    public int Port { get; }

    /// <summary>
    /// A backend taking deposits for <paramref name="merchant"/>, started on a free loopback port. Notifications go to
    /// its own <c>/wechatpay/notify</c>, or to <paramref name="notifyUrl"/> (a test's stand-in that keeps them).
    /// </summary>
    public static BookingBackend WithDeposits(HutongApp node, string appId, string secret, SampleMerchant merchant, Uri? notifyUrl = null)
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var backend = new BookingBackend(
            node, appId, secret, merchant, port, notifyUrl ?? new Uri($"http://127.0.0.1:{port}/wechatpay/notify"), TimeProvider.System.GetUtcNow());
        backend.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        backend.StartServer();
        return backend;
    }

    /// <summary>A client of the backend with no session.</summary>
    public HttpClient Anonymous() => CreateClient();

    /// <summary>A client of the backend signed in as <paramref name="person"/>: a login code from the node, exchanged at <c>POST /api/session</c>.</summary>
    public async Task<HttpClient> SignInAsync(TestUser person)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var code = (await person.Client.GetMiniProgramLoginCodeAsync(_appId, cancellationToken)).Code;
        var http = CreateClient();
        using var response = await http.PostAsJsonAsync("/api/session", new JsonObject { ["code"] = code }, cancellationToken);
        response.EnsureSuccessStatusCode();
        var token = (string)JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!["token"]!;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
        {
            File.Delete(file);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Hutong:Server", _node.Server.BaseAddress.ToString());
        builder.UseSetting("Hutong:AppId", _appId);
        builder.UseSetting("Hutong:AppSecret", _secret);
        builder.UseSetting("Booking:Database", _database);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        if (_merchant is not null)
        {
            builder.UseSetting("WeChatPay:Server", _node.Server.BaseAddress.ToString());
            builder.UseSetting("WeChatPay:MchId", _merchant.MchId);
            builder.UseSetting("WeChatPay:SerialNo", _merchant.SerialNo);
            builder.UseSetting("WeChatPay:PrivateKeyPath", _merchant.PrivateKeyPath);
            builder.UseSetting("WeChatPay:ApiV3Key", _merchant.ApiV3Key);
            builder.UseSetting("WeChatPay:NotifyUrl", _notifyUrl!.ToString());
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.ConfigureAll<HttpClientFactoryOptions>(options => options.HttpMessageHandlerBuilderActions.Add(handlers => handlers.PrimaryHandler = _node.Server.CreateHandler()));
        });
    }
}
