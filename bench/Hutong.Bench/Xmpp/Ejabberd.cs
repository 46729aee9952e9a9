using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Hutong.Bench.Xmpp;

/// <summary>
/// ejabberd, the peer: a node started by <c>bench/ejabberd/start.sh</c> in a fresh folder (so its archive starts
/// empty) and stopped by <c>stop.sh</c>, which also removes the folder. The script's watchdog stops the node should
/// the bench die without disposing this. CPU and peak memory are those of the node's beam.smp process.
/// </summary>
internal sealed partial class Ejabberd : ITarget
{
    private const string Password = "bench-password-1";

    private readonly string _scripts;
    private readonly string _folder;
    private readonly Process _beam;
    private readonly HttpClient _api;

    private Ejabberd(string scripts, string folder, Process beam, IPEndPoint c2s, Uri api, string domain, string mucDomain)
    {
        _scripts = scripts;
        _folder = folder;
        _beam = beam;
        C2s = c2s;
        Domain = domain;
        MucDomain = mucDomain;
        _api = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromSeconds(60) };
    }

    public string Name => "ejabberd";

    public IPEndPoint C2s { get; }

    public string Domain { get; }

    public string MucDomain { get; }

    /// <summary>Starts a node sized for <paramref name="users"/> people; <paramref name="scripts"/> is <c>bench/ejabberd</c>.</summary>
    public static async Task<Ejabberd> StartAsync(string scripts, int users, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true };
        foreach (var arg in new[] { Path.Combine(scripts, "start.sh"), "--users", users.ToString(CultureInfo.InvariantCulture), "--owner", Environment.ProcessId.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not run start.sh.");
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var values = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (process.ExitCode != 0 || !values.TryGetValue("pid", out var pid))
        {
            throw new InvalidOperationException($"ejabberd did not start (start.sh exited with {process.ExitCode}); see its output above.");
        }

        int Port(string key) => int.Parse(values[key], CultureInfo.InvariantCulture);
        return new Ejabberd(
            scripts, values["dir"], Process.GetProcessById(int.Parse(pid, CultureInfo.InvariantCulture)),
            new IPEndPoint(IPAddress.Loopback, Port("c2s_port")), new Uri($"http://127.0.0.1:{Port("api_port")}/api/"), values["host"], values["muc_host"]);
    }

    public (TimeSpan Cpu, long PeakRssBytes) Sample() => Target.SampleProcess(_beam);

    /// <summary>1:1 pairs, each two people who send each other chat messages.</summary>
    public async Task<List<Person>> PairsAsync(int pairs, CancellationToken cancellationToken)
    {
        var people = Enumerable.Range(0, pairs).SelectMany(i => new[]
        {
            Person($"p{i}a", true, $"p{i}b@{Domain}", room: false),
            Person($"p{i}b", true, $"p{i}a@{Domain}", room: false),
        }).ToList();
        await RegisterAsync(people, cancellationToken);
        return people;
    }

    /// <summary>Rooms of <paramref name="size"/> occupants, created over the API before anyone joins; the first <paramref name="senders"/> of each send.</summary>
    public async Task<List<Person>> RoomsAsync(int rooms, int size, int senders, CancellationToken cancellationToken)
    {
        var people = new List<Person>();
        for (var r = 0; r < rooms; r++)
        {
            var room = $"bench{r}";
            var created = await CallAsync("create_room_with_opts", new
            {
                name = room,
                service = MucDomain,
                host = Domain,
                options = new[]
                {
                    new { name = "mam", value = "true" },
                    new { name = "persistent", value = "true" },
                    new { name = "max_users", value = size.ToString(CultureInfo.InvariantCulture) },
                },
            }, cancellationToken);
            if (created.ValueKind != JsonValueKind.Number || created.GetInt32() != 0)
            {
                throw new InvalidOperationException($"ejabberd did not create room {room}: {created}");
            }

            people.AddRange(Enumerable.Range(0, size).Select(i => Person($"r{r}m{i}", i < senders, $"{room}@{MucDomain}", room: true)));
        }

        await RegisterAsync(people, cancellationToken);
        return people;
    }

    /// <summary>Messages in mod_mam's store (one row per archive a message went into).</summary>
    public async Task<long> ArchivedAsync(CancellationToken cancellationToken)
    {
        var info = await CallAsync("mnesia_table_info", new { table = "archive_msg" }, cancellationToken);
        var match = TableSize().Match(info.GetProperty("res").GetString() ?? "");
        return match.Success ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : -1;
    }

    public async ValueTask DisposeAsync()
    {
        _api.Dispose();
        _beam.Dispose();
        var stop = new ProcessStartInfo("bash");
        stop.ArgumentList.Add(Path.Combine(_scripts, "stop.sh"));
        stop.ArgumentList.Add(_folder);
        using var process = Process.Start(stop) ?? throw new InvalidOperationException("Could not run stop.sh.");
        await process.WaitForExitAsync();
    }

    private Person Person(string user, bool sends, string to, bool room) =>
        new(user, sends, ct => XmppSession.ConnectAsync(C2s, Domain, user, Password, to, room, ct));

    /// <summary>Registers everyone over mod_http_api, a few requests at a time (ejabberdctl would boot a VM per user).</summary>
    private Task RegisterAsync(IEnumerable<Person> people, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(people, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (person, ct) =>
            await CallAsync("register", new { user = person.UserId, host = Domain, password = Password }, ct));

    private async Task<JsonElement> CallAsync<T>(string command, T body, CancellationToken cancellationToken)
    {
        // A body of known length: ejabberd's HTTP listener refuses chunked requests.
        using var content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        using var response = await _api.PostAsync(command, content, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.IsSuccessStatusCode
            ? JsonDocument.Parse(text).RootElement.Clone()
            : throw new InvalidOperationException($"ejabberd API {command} failed ({(int)response.StatusCode}): {text}");
    }

    [GeneratedRegex(@"\{size,(\d+)\}")]
    private static partial Regex TableSize();
}
