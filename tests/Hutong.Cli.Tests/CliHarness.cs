using System.Threading.Channels;
using Hutong.Cli.MiniPrograms;
using Hutong.Testing;
using Spectre.Console.Testing;

namespace Hutong.Cli.Tests;

/// <summary>What a run of the tool printed and exited with.</summary>
internal sealed record CliResult(int ExitCode, string Output);

/// <summary>
/// Runs <c>hutong</c> in process against a test node, as one person at one machine: a folder of their own to work in
/// and a configuration folder of their own (XDG_CONFIG_HOME), the node reached through its in-memory handler at
/// <c>http://localhost</c>, and everything printed captured by a <see cref="TestConsole"/>.
/// </summary>
internal sealed class CliHarness : IDisposable
{
    public const string Server = "http://localhost";

    private readonly HutongApp _app;

    public CliHarness(HutongApp app)
    {
        _app = app;
        Root = Directory.CreateTempSubdirectory("hutong-cli-").FullName;
        Directory.CreateDirectory(WorkingDirectory);
    }

    public string Root { get; }

    public string WorkingDirectory => Path.Combine(Root, "work");

    public string ConfigDirectory => Path.Combine(Root, "config");

    public string CredentialsPath => Path.Combine(ConfigDirectory, "hutong", "credentials.json");

    /// <summary>More environment variables for the runs (HUTONG_TOKEN and the like).</summary>
    public Dictionary<string, string> Environment { get; } = [];

    public Task<CliResult> RunAsync(params string[] args) => RunAsync(args, stdin: null);

    public async Task<CliResult> RunAsync(
        string[] args, string? stdin, ChannelWriter<DevRound>? devRounds = null, CancellationToken? cancellationToken = null)
    {
        var console = new TestConsole();
        console.Profile.Width = 240;
        var context = new CliContext
        {
            Out = console,
            Error = console,
            Input = new StringReader(stdin ?? ""),
            Environment = name => name == "XDG_CONFIG_HOME" ? ConfigDirectory : Environment.GetValueOrDefault(name),
            WorkingDirectory = WorkingDirectory,
            Handler = () => _app.Server.CreateHandler(),
            MachineName = "test-machine",
            DevRounds = devRounds,
        };
        var exit = await HutongCli.RunAsync(args, context, cancellationToken ?? TestContext.Current.CancellationToken);
        return new CliResult(exit, console.Output);
    }

    /// <summary>Signs up a person through the API and logs the tool in as them.</summary>
    public async Task<TestUser> LoginAsync(string prefix = "dev", string? displayName = null)
    {
        var user = await TestUser.CreateAsync(_app, prefix, displayName);
        var login = await RunAsync(["login", "--server", Server, "--handle", user.Handle, "--password-stdin"], user.Password);
        Assert.True(login.ExitCode == 0, login.Output);
        return user;
    }

    /// <summary><c>hutong mp new</c> in the working folder; answers the project's folder and its app id.</summary>
    public async Task<(string Folder, string AppId)> NewAppAsync(string name = "Tea House")
    {
        var made = await RunAsync("mp", "new", name);
        Assert.True(made.ExitCode == 0, made.Output);
        var folder = Path.Combine(WorkingDirectory, name);
        var config = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "project.config.json")))!;
        return (folder, config["appid"]!.GetValue<string>());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A watcher that has not let go yet; the temporary folder goes with the machine.
        }
    }
}
