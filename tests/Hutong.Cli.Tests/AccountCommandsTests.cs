using System.Text.Json.Nodes;
using Hutong.Client;

namespace Hutong.Cli.Tests;

/// <summary><c>hutong login</c>, <c>whoami</c> and <c>logout</c> against a real node.</summary>
public sealed class AccountCommandsTests(CliServer server) : IClassFixture<CliServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Login_SavesTheSessionReadableByItsOwnerOnly_AsADeviceNamedForTheMachine()
    {
        var (app, _) = await server.GetAsync();
        using var cli = new CliHarness(app);

        var user = await cli.LoginAsync("mei", "Mei");

        var saved = JsonNode.Parse(await File.ReadAllTextAsync(cli.CredentialsPath, Ct))!;
        Assert.Equal((CliHarness.Server, user.Handle), (saved["server"]!.GetValue<string>(), saved["handle"]!.GetValue<string>()));
        Assert.NotEmpty(saved["token"]!.GetValue<string>());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(cli.CredentialsPath));
        }

        var devices = await user.Client.GetDevicesAsync(Ct);
        Assert.Contains(devices.Devices, d => d.Name == "hutong CLI on test-machine");
        var whoami = await cli.RunAsync("whoami");
        Assert.Equal(0, whoami.ExitCode);
        Assert.Contains($"{user.Handle} (Mei) on {CliHarness.Server}", whoami.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WithAWrongPassword_Exits2_SaysSo_AndSavesNothing()
    {
        var (app, _) = await server.GetAsync();
        using var cli = new CliHarness(app);
        var user = await Testing.TestUser.CreateAsync(app, "lin");

        var login = await cli.RunAsync(["login", "--server", CliHarness.Server, "--handle", user.Handle, "--password-stdin"], "not-the-password");

        Assert.Equal(ExitCodes.Refused, login.ExitCode);
        Assert.Contains("error: The handle or password is wrong.", login.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(cli.CredentialsPath));
    }

    [Fact]
    public async Task Commands_WithoutASession_Exit3_AndSayHowToSignIn()
    {
        var (app, _) = await server.GetAsync();
        using var cli = new CliHarness(app);

        foreach (var args in new[] { ["whoami"], ["mp", "list"], new[] { "mp", "submit", "--app", "wx0123456789abcdef" } })
        {
            var run = await cli.RunAsync(args);

            Assert.Equal(ExitCodes.Unavailable, run.ExitCode);
            Assert.Contains("error: Not signed in.", run.Output, StringComparison.Ordinal);
            Assert.Contains("hutong login", run.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnEnvironmentToken_ServesWithoutASavedSession_AndAnEndedOneExits3()
    {
        var (app, _) = await server.GetAsync();
        using var cli = new CliHarness(app);
        var user = await Testing.TestUser.CreateAsync(app, "ci");
        cli.Environment["HUTONG_SERVER"] = CliHarness.Server;
        cli.Environment["HUTONG_TOKEN"] = user.Client.Token!;

        var whoami = await cli.RunAsync("whoami");
        Assert.Equal(0, whoami.ExitCode);
        Assert.Contains(user.Handle, whoami.Output, StringComparison.Ordinal);

        await user.Client.LogoutAsync(Ct);
        cli.Environment["HUTONG_TOKEN"] = "revoked";
        var ended = await cli.RunAsync("whoami");
        Assert.Equal(ExitCodes.Unavailable, ended.ExitCode);
        Assert.Contains("hutong login", ended.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_EndsTheSessionOnTheServer_AndForgetsIt()
    {
        var (app, _) = await server.GetAsync();
        using var cli = new CliHarness(app);
        await cli.LoginAsync();
        var token = JsonNode.Parse(await File.ReadAllTextAsync(cli.CredentialsPath, Ct))!["token"]!.GetValue<string>();

        var logout = await cli.RunAsync("logout");

        Assert.Equal(0, logout.ExitCode);
        Assert.False(File.Exists(cli.CredentialsPath));
        var old = app.NewClient();
        old.Token = token;
        var refused = await Assert.ThrowsAsync<HutongApiException>(() => old.GetMeAsync(Ct));
        Assert.Equal(401, refused.Status);
        Assert.Equal(ExitCodes.Unavailable, (await cli.RunAsync("whoami")).ExitCode);
    }
}
