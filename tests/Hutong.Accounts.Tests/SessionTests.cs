using System.Net;
using Hutong.Client;
using Hutong.Contracts;
using Hutong.Contracts.Accounts;
using Hutong.Server.Hosting;
using Hutong.Testing;

namespace Hutong.Accounts.Tests;

public sealed class SessionTests(ServerFixture servers) : IClassFixture<ServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ProviderData]
    public async Task Login_HandleInAnyCase_GivesAWorkingToken(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var user = await TestUser.CreateAsync(app, "login");
        var device = app.NewClient();

        var session = await device.LoginAsync(new LoginRequest(user.Handle.ToUpperInvariant(), user.Password, "phone"), Ct);

        Assert.StartsWith("ht_", session.Token, StringComparison.Ordinal);
        Assert.Equal(user.UserId, session.UserId);
        Assert.Equal(user.Handle, (await device.GetMeAsync(Ct)).Handle);
    }

    [Theory, ProviderData]
    public async Task Login_WrongPasswordOrUnknownHandle_Is401WithTheSameCode(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var user = await TestUser.CreateAsync(app, "login");

        var wrongPassword = await Assert.ThrowsAsync<HutongApiException>(() =>
            app.NewClient().LoginAsync(new LoginRequest(user.Handle, "not-the-password", null), Ct));
        var unknownHandle = await Assert.ThrowsAsync<HutongApiException>(() =>
            app.NewClient().LoginAsync(new LoginRequest("nobody_" + Guid.NewGuid().ToString("N")[..8], user.Password, null), Ct));

        // The same answer for both, so a login form cannot be used to find out who has an account.
        Assert.Equal((401, ErrorCodes.InvalidCredentials), (wrongPassword.Status, wrongPassword.Code));
        Assert.Equal((401, ErrorCodes.InvalidCredentials), (unknownHandle.Status, unknownHandle.Code));
        Assert.Equal(wrongPassword.Problem!.Title, unknownHandle.Problem!.Title);
    }

    [Theory, ProviderData]
    public async Task Logout_TokenStopsWorkingAtOnce_OtherDevicesKeepWorking(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var user = await TestUser.CreateAsync(app, "logout");
        var phone = await user.NewDeviceAsync(app, "phone");
        var token = user.Client.Token;

        await user.Client.LogoutAsync(Ct);

        var stale = app.NewClient();
        stale.Token = token;
        var error = await Assert.ThrowsAsync<HutongApiException>(() => stale.GetMeAsync(Ct));
        Assert.Equal((401, ErrorCodes.Unauthorized), (error.Status, error.Code));
        Assert.Equal(user.UserId, (await phone.GetMeAsync(Ct)).UserId);
    }

    [Theory, ProviderData]
    public async Task Devices_ListsEverySignedInDevice_MarksTheCurrentOne(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var user = await TestUser.CreateAsync(app, "devices");
        var phone = await user.NewDeviceAsync(app, "Mei's phone");

        var fromPhone = await phone.GetDevicesAsync(Ct);

        Assert.Equal(2, fromPhone.Devices.Count);
        var current = Assert.Single(fromPhone.Devices, d => d.Current);
        Assert.Equal("Mei's phone", current.Name);
        Assert.Contains(fromPhone.Devices, d => d.DeviceId == user.DeviceId && !d.Current);
    }

    [Theory, ProviderData]
    public async Task RevokeDevice_ItsTokenFailsOnTheNextRequest(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var user = await TestUser.CreateAsync(app, "revoke");
        var lost = await user.NewDeviceAsync(app, "lost phone");
        Assert.NotNull(await lost.GetMeAsync(Ct));
        var lostId = (await lost.GetDevicesAsync(Ct)).Devices.Single(d => d.Current).DeviceId;

        await user.Client.RevokeDeviceAsync(lostId, Ct);

        var error = await Assert.ThrowsAsync<HutongApiException>(() => lost.GetMeAsync(Ct));
        Assert.Equal(401, error.Status);
        Assert.DoesNotContain((await user.Client.GetDevicesAsync(Ct)).Devices, d => d.DeviceId == lostId);
    }

    [Theory, ProviderData]
    public async Task RevokeDevice_OfSomeoneElse_Is404AndTheirDeviceKeepsWorking(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var victim = await TestUser.CreateAsync(app, "victim");
        var attacker = await TestUser.CreateAsync(app, "attacker");

        var error = await Assert.ThrowsAsync<HutongApiException>(() => attacker.Client.RevokeDeviceAsync(victim.DeviceId, Ct));

        Assert.Equal((404, ErrorCodes.DeviceNotFound), (error.Status, error.Code));
        Assert.Equal(victim.UserId, (await victim.Client.GetMeAsync(Ct)).UserId);
    }

    [Theory, ProviderData]
    public async Task Devices_ShowOnlyTheCallersOwn(StorageProvider provider)
    {
        var app = await servers.GetAsync(provider);
        var mei = await TestUser.CreateAsync(app, "mei");
        var lin = await TestUser.CreateAsync(app, "lin");

        var meiDevices = await mei.Client.GetDevicesAsync(Ct);

        Assert.Equal([mei.DeviceId], meiDevices.Devices.Select(d => d.DeviceId));
        Assert.DoesNotContain((await lin.Client.GetDevicesAsync(Ct)).Devices, d => d.DeviceId == mei.DeviceId);
    }

    [Theory]
    [InlineData("GET", "/api/v1/me")]
    [InlineData("PATCH", "/api/v1/me")]
    [InlineData("GET", "/api/v1/me/devices")]
    [InlineData("DELETE", "/api/v1/sessions/current")]
    [InlineData("GET", "/api/v1/users/by-handle/anyone")]
    [InlineData("GET", "/api/v1/friends")]
    [InlineData("GET", "/api/v1/friend-requests")]
    [InlineData("POST", "/api/v1/friend-requests")]
    [InlineData("GET", "/api/v1/blocks")]
    public async Task ProtectedEndpoints_WithoutToken_Are401Problems(string method, string path)
    {
        var app = await servers.GetAsync(StorageProvider.Sqlite);
        using var http = app.CreateClient();

        using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"code\":\"unauthorized\"", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_WithForgedToken_Is401()
    {
        var app = await servers.GetAsync(StorageProvider.Sqlite);
        var forged = app.NewClient();
        forged.Token = "ht_" + new string('A', 43);

        var error = await Assert.ThrowsAsync<HutongApiException>(() => forged.GetMeAsync(Ct));

        Assert.Equal(401, error.Status);
    }
}
