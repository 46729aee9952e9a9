using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Testing;

namespace Hutong.OfficialAccounts.Tests;

/// <summary>Calls to /cgi-bin/ as a WeChat bot makes them: a token from the account's credentials, JSON and multipart posts.</summary>
internal static class AppApiKit
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A new account of the owner's, and an access token for it.</summary>
    public static async Task<(OfficialAccountInfo Account, string Token)> AccountWithTokenAsync(this TestUser owner, HttpClient http, string name = "Bot Home")
    {
        var created = await owner.Client.CreateOfficialAccountAsync(new CreateOfficialAccountRequest(name, OfficialAccountKinds.Subscription), Ct);
        var token = await GetAsync(http, $"/cgi-bin/token?grant_type=client_credential&appid={created.Account.Admin!.AppId}&secret={created.AppSecret}");
        return (created.Account, (string)token["access_token"]!);
    }

    public static int Code(JsonObject answer) => answer["errcode"] is { } code ? (int)code : 0;

    public static async Task<JsonObject> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
    }

    public static async Task<JsonObject> PostAsync(HttpClient http, string path, string body, string? contentType = null)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        using var response = await http.PostAsync(new Uri(path, UriKind.Relative), content, Ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
    }

    /// <summary>A file as <c>curl -F media=@name</c> sends it (field <paramref name="field"/>, usually <c>media</c>).</summary>
    public static async Task<JsonObject> PostFileAsync(HttpClient http, string path, byte[] bytes, string fileName, string field = "media")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, field, fileName);
        using var response = await http.PostAsync(new Uri(path, UriKind.Relative), form, Ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
    }
}
