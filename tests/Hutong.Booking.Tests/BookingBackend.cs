extern alias BookingSample;

using System.Net.Http.Headers;
using System.Net.Http.Json;
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
public sealed class BookingBackend(HutongApp node, string appId, string secret) : WebApplicationFactory<BookingProgram>
{
    /// <summary>Saturday 5 December 2026, 09:00 at the studio (Asia/Shanghai): the first slot is at 10:00.</summary>
    public static readonly DateTimeOffset Start = new(2026, 12, 5, 1, 0, 0, TimeSpan.Zero);

    private readonly string _database = Path.Combine(Path.GetTempPath(), $"booking-{Guid.NewGuid():N}.db");

    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>A client of the backend with no session.</summary>
    public HttpClient Anonymous() => CreateClient();

    /// <summary>A client of the backend signed in as <paramref name="person"/>: a login code from the node, exchanged at <c>POST /api/session</c>.</summary>
    public async Task<HttpClient> SignInAsync(TestUser person)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var code = (await person.Client.GetMiniProgramLoginCodeAsync(appId, cancellationToken)).Code;
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
        builder.UseSetting("Hutong:Server", node.Server.BaseAddress.ToString());
        builder.UseSetting("Hutong:AppId", appId);
        builder.UseSetting("Hutong:AppSecret", secret);
        builder.UseSetting("Booking:Database", _database);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.ConfigureAll<HttpClientFactoryOptions>(options => options.HttpMessageHandlerBuilderActions.Add(handlers => handlers.PrimaryHandler = node.Server.CreateHandler()));
        });
    }
}
