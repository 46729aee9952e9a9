using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hutong.Client;
using Hutong.Contracts;
using Hutong.Contracts.Accounts;
using Hutong.Server.Hosting;
using Hutong.Testing;

namespace Hutong.Server.Tests;

/// <summary>Every failure, whoever produced it, is an RFC 9457 problem with a stable code, and a 4xx writes nothing.</summary>
public sealed class ProblemTests(ServerFixture servers) : IClassFixture<ServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("GET", "/api/v1/no-such-thing", 404, ErrorCodes.NotFound)]
    [InlineData("GET", "/openapi/nowhere", 404, ErrorCodes.NotFound)]
    [InlineData("PUT", "/api/v1/accounts", 405, ErrorCodes.MethodNotAllowed)]
    [InlineData("DELETE", "/api/v1/sessions", 405, ErrorCodes.MethodNotAllowed)]
    public async Task UnknownRouteOrWrongMethod_IsAProblemWithACode(string method, string path, int status, string code)
    {
        var app = await servers.GetAsync(StorageProvider.Sqlite);
        using var http = app.CreateClient();

        using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Ct);

        await AssertProblemAsync(response, status, code);
    }

    [Theory, ProviderData]
    public async Task MalformedJson_Is400MalformedBody(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        using var http = app.CreateClient();

        using var truncated = await PostAsync(http, "/api/v1/accounts", "{\"handle\":\"abc\",", "application/json");
        using var wrongType = await PostAsync(http, "/api/v1/accounts", "{\"handle\":123,\"password\":\"x\",\"displayName\":\"y\"}", "application/json");
        using var notJson = await PostAsync(http, "/api/v1/sessions", "handle=abc&password=def", "application/json");

        await AssertProblemAsync(truncated, 400, ErrorCodes.MalformedBody);
        await AssertProblemAsync(wrongType, 400, ErrorCodes.MalformedBody);
        await AssertProblemAsync(notJson, 400, ErrorCodes.MalformedBody);
    }

    [Fact]
    public async Task EmptyOrNullBody_Is400()
    {
        var app = await servers.GetAsync(StorageProvider.Sqlite);
        using var http = app.CreateClient();

        using var empty = await PostAsync(http, "/api/v1/accounts", "", "application/json");
        using var literalNull = await PostAsync(http, "/api/v1/accounts", "null", "application/json");
        using var emptyObject = await PostAsync(http, "/api/v1/accounts", "{}", "application/json");

        await AssertProblemAsync(empty, 400, ErrorCodes.BadRequest);
        await AssertProblemAsync(literalNull, 400, ErrorCodes.BadRequest);
        var problem = await AssertProblemAsync(emptyObject, 400, ErrorCodes.ValidationFailed);
        Assert.Equal(["displayName", "handle", "password"], problem.Errors!.Keys.Order());
    }

    [Fact]
    public async Task WrongContentType_Is415()
    {
        var app = await servers.GetAsync(StorageProvider.Sqlite);
        using var http = app.CreateClient();

        using var response = await PostAsync(http, "/api/v1/accounts", "handle=abc", "application/x-www-form-urlencoded");

        await AssertProblemAsync(response, 415, ErrorCodes.UnsupportedMediaType);
    }

    [Theory, ProviderData]
    public async Task OversizedBody_Is413AndCreatesNothing(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        using var http = app.CreateClient();
        var handle = "big_" + Guid.NewGuid().ToString("N")[..8];
        var body = JsonSerializer.Serialize(new { handle, password = "good-password-1", displayName = "Big", padding = new string('x', 1_100_000) });

        using var response = await PostAsync(http, "/api/v1/accounts", body, "application/json");

        await AssertProblemAsync(response, 413, ErrorCodes.PayloadTooLarge);
        var login = await Assert.ThrowsAsync<HutongApiException>(() =>
            app.NewClient().LoginAsync(new LoginRequest(handle, "good-password-1", null), Ct));
        Assert.Equal(401, login.Status);
    }

    [Fact]
    public async Task OversizedChunkedBody_WithoutLength_Is413()
    {
        var app = await servers.GetAsync(StorageProvider.Sqlite);
        using var http = app.CreateClient();
        var bytes = Encoding.UTF8.GetBytes("{\"handle\":\"" + new string('x', 2_000_000) + "\"}");
        using var content = new StreamContent(new UnknownLengthStream(bytes));
        content.Headers.ContentType = new("application/json");

        using var response = await http.PostAsync("/api/v1/accounts", content, Ct);

        await AssertProblemAsync(response, 413, ErrorCodes.PayloadTooLarge);
    }

    [Fact]
    public async Task SmallChunkedBody_WithoutLength_IsServed()
    {
        var app = await servers.GetAsync(StorageProvider.Sqlite);
        using var http = app.CreateClient();
        var handle = "chunk_" + Guid.NewGuid().ToString("N")[..8];
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new SignUpRequest(handle, "good-password-1", "Chunky"), HutongJsonContext.Default.SignUpRequest);
        using var content = new StreamContent(new UnknownLengthStream(bytes));
        content.Headers.ContentType = new("application/json");

        using var response = await http.PostAsync("/api/v1/accounts", content, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(handle, (await response.Content.ReadFromJsonAsync(HutongJsonContext.Default.SignUpResponse, Ct))!.Handle);
    }

    [Theory, ProviderData]
    public async Task MalformedPatch_LeavesTheProfileUnchanged(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei", "Mei");
        using var http = app.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", mei.Client.Token);

        using var response = await http.PatchAsync("/api/v1/me", new StringContent("{\"displayName\":\"Half", Encoding.UTF8, "application/json"), Ct);

        await AssertProblemAsync(response, 400, ErrorCodes.MalformedBody);
        Assert.Equal("Mei", (await mei.Client.GetMeAsync(Ct)).DisplayName);
    }

    [Theory]
    [InlineData("/api/v1/wallet/transactions?cursor=9223372036854775807")]
    [InlineData("/api/v1/wallet/transactions?limit=0")]
    [InlineData("/api/v1/wallet/transactions?limit=99999999999")]
    [InlineData("/api/v1/friends?cursor=9223372036854775807")]
    [InlineData("/api/v1/friends?limit=-1")]
    [InlineData("/api/v1/friend-requests?cursor=%00")]
    [InlineData("/api/v1/friend-requests?direction=sideways")]
    [InlineData("/api/v1/events?after=-1")]
    [InlineData("/api/v1/events?after=99999999999999999999")]
    [InlineData("/api/v1/events?after=0&limit=100000")]
    [InlineData("/api/v1/conversations/{chat}/messages?afterSeq=-1")]
    [InlineData("/api/v1/conversations/{chat}/messages?beforeSeq=-9223372036854775808")]
    [InlineData("/api/v1/conversations/{chat}/messages?afterSeq=1&beforeSeq=5")]
    [InlineData("/api/v1/conversations/{chat}/messages?limit=100000")]
    [InlineData("/api/v1/conversations/{chat}/messages?afterSeq=1e3")]
    [InlineData("/api/v1/search/messages?q=tea&limit=-5")]
    [InlineData("/api/v1/search/messages?q=")]
    public async Task ANumberOrCursorOutOfRange_Is400_NeverA500(string path)
    {
        var app = await servers.GetAsync(StorageProvider.Sqlite);
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");
        await mei.BefriendAsync(lin);
        var chat = await mei.Client.OpenDirectAsync(lin.UserId, Ct);
        using var http = app.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", mei.Client.Token);

        using var response = await http.GetAsync(path.Replace("{chat}", chat.ConversationId, StringComparison.Ordinal), Ct);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync(HutongJsonContext.Default.ProblemBody, Ct);
        Assert.Contains(problem!.Code, new[] { ErrorCodes.ValidationFailed, ErrorCodes.BadRequest });
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string path, string body, string contentType) =>
        http.PostAsync(path, new StringContent(body, Encoding.UTF8, contentType), Ct);

    internal static async Task<ProblemBody> AssertProblemAsync(HttpResponseMessage response, int status, string code)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync(HutongJsonContext.Default.ProblemBody, Ct);
        Assert.NotNull(problem);
        Assert.Equal(code, problem.Code);
        Assert.Equal(status, problem.Status);
        Assert.Equal($"urn:hutong:problem:{code}", problem.Type);
        Assert.False(string.IsNullOrWhiteSpace(problem.Title));
        return problem;
    }

    /// <summary>A body whose length the client cannot know, so it goes without Content-Length.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
