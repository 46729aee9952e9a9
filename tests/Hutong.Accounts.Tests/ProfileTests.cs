using System.Text;
using Hutong.Client;
using Hutong.Contracts;
using Hutong.Contracts.Accounts;
using Hutong.Core;
using Hutong.Core.Qr;
using Hutong.Server.Hosting;
using Hutong.Testing;

namespace Hutong.Accounts.Tests;

public sealed class ProfileTests(ServerFixture servers) : IClassFixture<ServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task UpdateProfile_ChangesNameAndAvatar_OthersSeeIt(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");

        // Avatars are uploads of the node's own (outside addresses are refused: AccountBasicsTests).
        var avatar = await mei.Client.UploadAvatarAsync(new MemoryStream(Convert.FromBase64String(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")), "mei.png", Ct);
        var updated = await mei.Client.UpdateProfileAsync(new UpdateProfileRequest("小梅", null), Ct);

        Assert.Equal(("小梅", avatar.AvatarUrl), (updated.DisplayName, updated.AvatarUrl));
        var seen = await lin.Client.GetUserAsync(mei.UserId, Ct);
        Assert.Equal(("小梅", avatar.AvatarUrl), (seen.DisplayName, seen.AvatarUrl));
    }

    [Theory, ProviderData]
    public async Task UpdateProfile_InvalidFields_Is400AndChangesNothing(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei", "Mei");

        var error = await Assert.ThrowsAsync<HutongApiException>(() =>
            mei.Client.UpdateProfileAsync(new UpdateProfileRequest(new string('x', 65), "javascript:alert(1)"), Ct));

        Assert.Equal(["avatarUrl", "displayName"], error.Problem!.Errors!.Keys.Order());
        var me = await mei.Client.GetMeAsync(Ct);
        Assert.Equal(("Mei", (string?)null), (me.DisplayName, me.AvatarUrl));
    }

    [Theory, ProviderData]
    public async Task PublicProfile_ByHandle_FindsCaseInsensitively_ShowsNoSecrets(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");
        using var http = app.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", lin.Client.Token);

        var json = await http.GetStringAsync($"/api/v1/users/by-handle/{mei.Handle.ToUpperInvariant()}", Ct);

        Assert.Contains(mei.UserId, json, StringComparison.Ordinal);
        Assert.DoesNotContain("password", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("pbkdf2", json, StringComparison.OrdinalIgnoreCase);
    }

    [Theory, ProviderData]
    public async Task PublicProfile_UnknownHandleOrId_Is404UserNotFound(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var lin = await TestUser.CreateAsync(app, "lin");

        var byHandle = await Assert.ThrowsAsync<HutongApiException>(() => lin.Client.GetUserByHandleAsync("ghost_" + Guid.NewGuid().ToString("N")[..8], Ct));
        var byId = await Assert.ThrowsAsync<HutongApiException>(() => lin.Client.GetUserAsync(Guid.NewGuid().ToString(), Ct));
        var malformed = await Assert.ThrowsAsync<HutongApiException>(() => lin.Client.GetUserAsync("not-an-id", Ct));

        Assert.All([byHandle, byId, malformed], e => Assert.Equal((404, ErrorCodes.UserNotFound), (e.Status, e.Code)));
    }

    [Theory, ProviderData]
    public async Task QrCode_EncodesThePersonsDeepLink_AsPngAndSvg(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");
        var link = $"hutong://user/{mei.UserId}";

        var png = await mei.Client.GetUserQrAsync(mei.UserId, "png", Ct);
        var svg = Encoding.UTF8.GetString(await mei.Client.GetUserQrAsync(mei.UserId, "svg", Ct));

        Assert.Equal(link, DeepLinks.User(Guid.Parse(mei.UserId)));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        // Rendering is deterministic: the same bytes as a code made for exactly this link, and not for another.
        Assert.Equal(QrCodes.Png(link), png);
        Assert.NotEqual(QrCodes.Png($"hutong://user/{Guid.NewGuid()}"), png);
        Assert.StartsWith("<svg", svg.TrimStart(), StringComparison.Ordinal);
        Assert.Equal(QrCodes.Svg(link), svg);
    }

    [Theory]
    [InlineData("gif", 400)]
    public async Task QrCode_UnknownFormat_Is400(string format, int status)
    {
        var app = await servers.GetAsync(StorageProvider.Sqlite);
        var mei = await TestUser.CreateAsync(app, "mei");

        var error = await Assert.ThrowsAsync<HutongApiException>(() => mei.Client.GetUserQrAsync(mei.UserId, format, Ct));

        Assert.Equal(status, error.Status);
        Assert.Equal(["format"], error.Problem!.Errors!.Keys);
    }
}
