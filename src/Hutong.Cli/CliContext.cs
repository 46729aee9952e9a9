using System.Threading.Channels;
using Hutong.Cli.Accounts;
using Hutong.Cli.MiniPrograms;
using Hutong.Client;
using Spectre.Console;

namespace Hutong.Cli;

/// <summary>
/// What a command needs from the world around it: the consoles, the environment, the working and configuration
/// folders, how to reach a server, and the clock. The process builds one from its own (<see cref="ForProcess"/>);
/// tests build one over a <c>TestConsole</c> and an in-memory server.
/// </summary>
internal sealed class CliContext
{
    /// <summary>Where a server is looked for when neither <c>--server</c>, HUTONG_SERVER nor a saved session names one.</summary>
    public static readonly Uri DefaultServer = new("http://localhost:5080/");

    public required IAnsiConsole Out { get; init; }

    /// <summary>Errors and warnings; the same console as <see cref="Out"/> is fine.</summary>
    public required IAnsiConsole Error { get; init; }

    /// <summary>Standard input, read by <c>login --password-stdin</c>.</summary>
    public TextReader Input { get; init; } = TextReader.Null;

    public Func<string, string?> Environment { get; init; } = _ => null;

    public required string WorkingDirectory { get; init; }

    /// <summary>Makes the HTTP handler every server call goes through.</summary>
    public Func<HttpMessageHandler> Handler { get; init; } = () => new SocketsHttpHandler();

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public string MachineName { get; init; } = System.Environment.MachineName;

    /// <summary>When set, <c>mp dev</c> reports each of its uploads here as well as on the console.</summary>
    public ChannelWriter<DevRound>? DevRounds { get; init; }

    public CredentialStore Credentials => new(ConfigDirectory);

    /// <summary><c>$XDG_CONFIG_HOME/hutong</c>, or <c>~/.config/hutong</c>.</summary>
    public string ConfigDirectory => Path.Combine(
        Environment("XDG_CONFIG_HOME") is { Length: > 0 } xdg ? xdg : System.Environment.GetFolderPath(System.Environment.SpecialFolder.ApplicationData),
        "hutong");

    public static CliContext ForProcess() => new()
    {
        Out = AnsiConsole.Console,
        Error = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }),
        Input = Console.In,
        Environment = System.Environment.GetEnvironmentVariable,
        WorkingDirectory = Directory.GetCurrentDirectory(),
    };

    /// <summary>A path as the person typed it, relative to the working directory.</summary>
    public string FullPath(string path) => Path.GetFullPath(path, WorkingDirectory);

    /// <summary>A connection to <paramref name="server"/> that is not signed in (for logging in).</summary>
    public Connection Connect(Uri server) => new(server, new HttpClient(Handler(), disposeHandler: true)
    {
        BaseAddress = server,
        // A package upload on a slow line takes a while; nothing else comes near this.
        Timeout = TimeSpan.FromMinutes(5),
    });

    /// <summary>
    /// The signed-in session: HUTONG_TOKEN (with HUTONG_SERVER, or the saved server) for CI, else the one
    /// <c>hutong login</c> saved; none is a <see cref="CliException"/> with exit code 3.
    /// </summary>
    public Connection SignedIn()
    {
        var saved = Credentials.Load();
        var token = Environment("HUTONG_TOKEN") is { Length: > 0 } fromEnvironment ? fromEnvironment : saved?.Token;
        if (token is null)
        {
            throw CliException.NotSignedIn();
        }

        var server = ServerUri(Environment("HUTONG_SERVER") is { Length: > 0 } named ? named : saved?.Server);
        var connection = Connect(server);
        connection.Client.Token = token;
        return connection;
    }

    /// <summary>Whether a session is at hand, without reaching the server.</summary>
    public bool HasSession => Environment("HUTONG_TOKEN") is { Length: > 0 } || Credentials.Load() is not null;

    /// <summary>A server address as given (<c>--server</c>, HUTONG_SERVER, saved), normalised to end in '/'.</summary>
    public static Uri ServerUri(string? given)
    {
        if (string.IsNullOrWhiteSpace(given))
        {
            return DefaultServer;
        }

        var text = given.Trim();
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "https://" + text;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw CliException.Usage($"'{given}' is not a server address.", "Give one like https://hutong.example.com or http://localhost:5080.");
        }

        return new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/");
    }
}

/// <summary>An HTTP connection to one server and the typed client over it.</summary>
internal sealed class Connection(Uri server, HttpClient http) : IDisposable
{
    public Uri Server { get; } = server;

    public HutongClient Client { get; } = new(http);

    /// <summary>The server's address without the trailing '/', for links a person opens.</summary>
    public string ServerText => Server.ToString().TrimEnd('/');

    public void Dispose() => http.Dispose();
}
