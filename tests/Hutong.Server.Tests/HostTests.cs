using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Hutong.Contracts.Accounts;
using Hutong.Contracts.Contacts;
using Hutong.Server.Hosting;
using Hutong.Testing;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Hutong.Server.Tests;

public sealed class HostTests(ServerFixture servers) : IClassFixture<ServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task Healthz_WhenStorageAndClusterServe_Is200(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        using var http = app.CreateClient();

        using var response = await http.GetAsync("/healthz", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/chats/0123456789abcdef")]
    [InlineData("/contacts/requests")]
    public async Task APathOfTheWebClient_IsServedItsPage_WithFingerprintedFiles(string path)
    {
        var app = await servers.GetAsync(StorageProvider.Sqlite);
        using var http = app.CreateClient();

        using var response = await http.GetAsync(path, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        // The build's rewritten page, not the source: the placeholder became a fingerprinted name.
        Assert.DoesNotContain("#[.{fingerprint}]", html, StringComparison.Ordinal);
        Assert.Matches(@"_framework/blazor\.webassembly\.[a-z0-9]+\.js", html);
    }

    [Fact]
    public async Task Healthz_WhileTheDatabaseRefusesConnections_Is503_And200AgainOnceItIsBack()
    {
        await using var app = await HutongApp.StartAsync(StorageProvider.Postgres, cancellationToken: Ct);
        using var http = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz", Ct)).StatusCode);
        var database = new NpgsqlConnectionStringBuilder(app.Storage.ConnectionString).Database;

        // As when the database server goes away: every connection, pooled or new, fails.
        await AdministerAsync($"ALTER DATABASE {database} ALLOW_CONNECTIONS false");
        await AdministerAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'");
        NpgsqlConnection.ClearAllPools();
        using (var response = await http.GetAsync("/healthz", Ct))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        }

        await AdministerAsync($"ALTER DATABASE {database} ALLOW_CONNECTIONS true");
        await Eventually.ThatAsync(
            async ct =>
            {
                using var response = await http.GetAsync("/healthz", ct);
                return response.StatusCode == HttpStatusCode.OK;
            },
            "/healthz answering 200 with the database back");
    }

    private static async Task AdministerAsync(string sql)
    {
        await using var admin = new NpgsqlConnection(TestPostgres.AdminConnectionString);
        await admin.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync(Ct);
    }

    [Fact]
    public async Task Healthz_OnTheS3Store_Is503OnceTheBucketIsGone()
    {
        var bucket = await TestS3.CreateBucketAsync(Ct);
        await using var app = await HutongApp.StartAsync(StorageProvider.Sqlite, TestS3.NodeSettings(bucket), cancellationToken: Ct);
        using var http = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz", Ct)).StatusCode);

        using (var s3 = TestS3.NewClient())
        {
            await s3.DeleteBucketAsync(bucket, Ct);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("/healthz", Ct)).StatusCode);
        app.Storage.Dispose();
    }

    [Fact]
    public async Task OpenApi_DescribesTheContract_AndScalarServesIt()
    {
        var app = await servers.GetAsync(StorageProvider.Sqlite);
        using var http = app.CreateClient();

        var document = await http.GetStringAsync("/openapi/v1.json", Ct);
        using var scalar = await http.GetAsync("/scalar/v1", Ct);

        foreach (var path in new[] { "/api/v1/accounts", "/api/v1/sessions", "/api/v1/me/devices/{deviceId}", "/api/v1/users/{userId}/qr", "/api/v1/friend-requests/{requestId}/accept", "/api/v1/friends/{userId}", "/api/v1/blocks/{userId}" })
        {
            Assert.Contains($"\"{path}\"", document, StringComparison.Ordinal);
        }

        Assert.Contains("SignUpRequest", document, StringComparison.Ordinal);
        // Message content is described kind by kind, not as an opaque object.
        Assert.All(["TextContent", "ImageContent", "VoiceContent", "LocationContent", "CardContent", "NoticeContent"], kind => Assert.Contains($"\"MessageContent{kind}\"", document, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, scalar.StatusCode);
        Assert.Contains("openapi/v1.json", await scalar.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory, ProviderData]
    public async Task Restart_KeepsAccountsSessionsAndFriends(StorageProvider provider)
    {
        using var storage = await TestStorage.CreateAsync(provider, Ct);
        string meiHandle, meiId, linId, token;
        await using (var before = HutongApp.Start(storage))
        {
            var mei = await TestUser.CreateAsync(before, "mei");
            var lin = await TestUser.CreateAsync(before, "lin");
            await mei.BefriendAsync(lin);
            await mei.Client.UpdateFriendAsync(lin.UserId, new UpdateFriendRequest("老林", ["school"], null, null), Ct);
            await lin.Client.SendFriendRequestAsync((await TestUser.CreateAsync(before, "third")).UserId, "pending across restart", Ct);
            (meiHandle, meiId, linId, token) = (mei.Handle, mei.UserId, lin.UserId, lin.Client.Token!);
        }

        await using var after = HutongApp.Start(storage);

        var meiAgain = after.NewClient();
        await meiAgain.LoginAsync(new LoginRequest(meiHandle, TestUser.DefaultPassword, "after restart"), Ct);
        var friend = Assert.Single((await meiAgain.GetFriendsAsync(cancellationToken: Ct)).Friends);
        Assert.Equal((linId, "老林"), (friend.UserId, friend.Remark));
        Assert.Equal(["school"], friend.Tags);
        var linOldDevice = after.NewClient();
        linOldDevice.Token = token;
        Assert.Equal(linId, (await linOldDevice.GetMeAsync(Ct)).UserId);
        Assert.Equal("pending across restart", Assert.Single((await linOldDevice.GetFriendRequestsAsync("outgoing", cancellationToken: Ct)).Requests).Greeting);
        Assert.Equal(meiId, (await linOldDevice.GetUserByHandleAsync(meiHandle, Ct)).UserId);
    }

    [Fact]
    public async Task PasswordHash_WhenTheWorkFactorRises_IsUpgradedAtNextLogin()
    {
        using var storage = await TestStorage.CreateAsync(StorageProvider.Sqlite, Ct);
        string handle;
        await using (var before = HutongApp.Start(storage))
        {
            handle = (await TestUser.CreateAsync(before, "mei")).Handle;
        }

        await using var after = HutongApp.Start(storage, new Dictionary<string, string?> { ["Hutong:Security:PasswordIterations"] = "20000" });
        await after.NewClient().LoginAsync(new LoginRequest(handle, TestUser.DefaultPassword, null), Ct);

        Assert.StartsWith("pbkdf2-sha256$20000$", await StoredHashAsync(after, handle), StringComparison.Ordinal);
        await after.NewClient().LoginAsync(new LoginRequest(handle, TestUser.DefaultPassword, null), Ct);
    }

    [Theory]
    [InlineData("Hutong:Storage:Provider", "Mongo", "Hutong:Storage:Provider")]
    [InlineData("Hutong:Storage:Provider", "Postgres", "ConnectionStrings:Hutong")]
    [InlineData("Hutong:Media:Store:Provider", "Dropbox", "Hutong:Media:Store:Provider")]
    [InlineData("Hutong:Media:Store:Provider", "S3", "Hutong:Media:Store:Bucket")]
    [InlineData("Hutong:Security:PasswordIterations", "5", "PasswordIterations")]
    [InlineData("Hutong:Limits:MaxFriends", "0", "MaxFriends")]
    public async Task Startup_WithABadSetting_FailsNamingTheKey(string key, string value, string named)
    {
        using var storage = await TestStorage.CreateAsync(StorageProvider.Sqlite, Ct);

        var error = Assert.ThrowsAny<Exception>(() => HutongApp.Start(storage, new Dictionary<string, string?> { [key] = value }));

        var messages = string.Join(" | ", Flatten(error).Select(e => e.Message));
        Assert.Contains(named, messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_OnASiloPortThatIsTaken_FailsNamingTheKeyAndThePort()
    {
        using var storage = await TestStorage.CreateAsync(StorageProvider.Sqlite, Ct);
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var error = Assert.ThrowsAny<Exception>(() => HutongApp.Start(storage, new Dictionary<string, string?> { ["Hutong:Cluster:SiloPort"] = port }));

        var messages = string.Join(" | ", Flatten(error).Select(e => e.Message));
        Assert.Contains($"Hutong:Cluster:SiloPort: port {port} is taken", messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASecondNode_OnTheSameSqliteDatabase_StopsAtStartUp_SayingSqliteServesOneNode_AndTheFirstGoesOn()
    {
        await using var first = await HutongApp.StartAsync(StorageProvider.Sqlite, cancellationToken: Ct);

        var error = Assert.ThrowsAny<Exception>(() => HutongApp.Start(first.Storage));

        var messages = string.Join(" | ", Flatten(error).Select(e => e.Message));
        Assert.Contains("Another Hutong node is using the SQLite database", messages, StringComparison.Ordinal);
        Assert.Contains("PostgreSQL", messages, StringComparison.Ordinal);
        await TestUser.CreateAsync(first, "still");
        // Once the first node has stopped, the database is free for the next.
        await first.DisposeAsync();
        await using var next = HutongApp.Start(first.Storage);
        await TestUser.CreateAsync(next, "next");
        first.Storage.Dispose();
    }

    [Fact]
    public async Task Startup_WithAnAdvertisedAddressThatIsNotAnAddress_FailsNamingTheKey()
    {
        using var storage = await TestStorage.CreateAsync(StorageProvider.Postgres, Ct);

        var error = Assert.ThrowsAny<Exception>(() => HutongApp.Start(storage, new Dictionary<string, string?> { ["Hutong:Cluster:AdvertisedAddress"] = "node-one" }));

        var messages = string.Join(" | ", Flatten(error).Select(e => e.Message));
        Assert.Contains("Hutong:Cluster:AdvertisedAddress", messages, StringComparison.Ordinal);
        Assert.Contains("'node-one'", messages, StringComparison.Ordinal);
    }

    private static async Task<string> StoredHashAsync(HutongApp app, string handle)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<Hutong.Accounts.Identity.IAccountStore>();
        return (await accounts.FindByHandleAsync(handle, Ct))!.PasswordHash;
    }

    private static IEnumerable<Exception> Flatten(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten))
                {
                    yield return inner;
                }
            }

            if (e is OptionsValidationException validation)
            {
                yield return new InvalidOperationException(validation.OptionsName + " " + string.Join(" ", validation.Failures));
            }
        }
    }
}
