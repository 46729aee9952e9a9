using System.Threading.Channels;
using Hutong.Cli.MiniPrograms;
using Hutong.Testing;

namespace Hutong.Cli.Tests;

/// <summary><c>hutong mp dev</c>: the first upload, the link and QR code, and uploads again on change until stopped.</summary>
public sealed class DevCommandTests(CliServer server) : IClassFixture<CliServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Dev_UploadsAndPrintsTheLink_ThenUploadsAgainAfterEachChange_ReportingErrors_UntilStopped()
    {
        var (app, _) = await server.GetAsync();
        using var cli = new CliHarness(app);
        var user = await cli.LoginAsync();
        var (folder, appId) = await cli.NewAppAsync();
        var rounds = Channel.CreateUnbounded<DevRound>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var dev = cli.RunAsync(["mp", "dev", "--dir", folder], null, rounds.Writer, stop.Token);
        try
        {
            var first = await Eventually.ReadAsync(rounds.Reader, _ => true, "the first upload");
            Assert.Equal(DevCommand.DefaultVersion, first.Version?.Version);

            await File.AppendAllTextAsync(Path.Combine(folder, "pages/index/index.wxml"), "<text>changed</text>\n", Ct);
            var second = await Eventually.ReadAsync(rounds.Reader, r => r.Number >= 2, "the upload after a change");
            Assert.Null(second.Error);

            await File.WriteAllTextAsync(Path.Combine(folder, "notes.md"), "not a package file", Ct);
            var refused = await Eventually.ReadAsync(rounds.Reader, r => r.Error is not null, "the upload that is refused");
            Assert.StartsWith("notes.md: A package holds only these file types", refused.Error, StringComparison.Ordinal);

            File.Delete(Path.Combine(folder, "notes.md"));
            var fixedAgain = await Eventually.ReadAsync(rounds.Reader, r => r.Number > refused.Number && r.Version is not null, "the upload after the fix");
            Assert.Equal(DevCommand.DefaultVersion, fixedAgain.Version!.Version);
        }
        finally
        {
            await stop.CancelAsync();
        }

        var result = await dev.WaitAsync(Eventually.Patience, Ct);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"{CliHarness.Server}/mp/{appId}?env=develop", result.Output, StringComparison.Ordinal);
        Assert.Contains("▀", result.Output, StringComparison.Ordinal);
        Assert.Contains("error: notes.md: A package holds only these file types", result.Output, StringComparison.Ordinal);
        Assert.Contains("Stopped watching.", result.Output, StringComparison.Ordinal);
        // Every round replaced the same develop version.
        var version = Assert.Single((await user.Client.GetMiniProgramVersionsAsync(appId, Ct)).Versions);
        Assert.Equal(DevCommand.DefaultVersion, version.Version);
    }
}
