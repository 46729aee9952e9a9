using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Hutong.Testing.Cluster;

/// <summary>
/// Debian's HAProxy in front of the nodes, configured as docs/operations-cluster.md tells an operator to: least
/// connections, /healthz checks every half second, WebSocket upgrades passed through, and a request whose node refuses
/// the connection sent to another. scripts/cluster.sh writes the same configuration: keep the two in agreement.
/// </summary>
public sealed class Balancer : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hutong-balancer-").FullName;
    private readonly ProcessOutput _output = new();
    private Process? _process;

    private Balancer(int port) => Port = port;

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public string Output => _output.ToString();

    /// <summary>The configuration for nodes listening on the given loopback ports; it mirrors scripts/cluster.sh's.</summary>
    public static string Configuration(int port, IEnumerable<(string Name, int Port)> nodes)
    {
        var config = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $$"""
            global
                # Within the file limit a test process (or a default systemd unit) has: each connection takes two descriptors.
                maxconn 4000

            defaults
                mode http
                timeout connect 2s
                # A busy node answers /healthz late, not never: it gets 2 s before a check fails (a refused connection fails at once).
                timeout check 2s
                timeout client 2m
                timeout server 2m
                # A WebSocket stays open as long as its device: the gateway's own pings keep it busy.
                timeout tunnel 1h
                # A node that refuses the connection (stopping, or killed) is skipped for another one.
                retries 3
                option redispatch 1

            frontend hutong
                bind 127.0.0.1:{{port}}
                option forwardfor
                default_backend nodes

            backend nodes
                balance leastconn
                option httpchk GET /healthz
                http-check expect status 200
                default-server check inter 500ms fall 2 rise 2 on-marked-down shutdown-sessions

            """));
        foreach (var (name, nodePort) in nodes)
        {
            config.Append(CultureInfo.InvariantCulture, $"    server {name} 127.0.0.1:{nodePort}\n");
        }

        return config.ToString();
    }

    public static async Task<Balancer> StartAsync(IEnumerable<NodeProcess> nodes, CancellationToken cancellationToken)
    {
        var balancer = new Balancer(NodeProcess.FreePort());
        var path = Path.Combine(balancer._folder, "haproxy.cfg");
        await File.WriteAllTextAsync(path, Configuration(balancer.Port, nodes.Select(n => (n.Name, n.Port))), cancellationToken);
        // Debian installs it in /usr/sbin, which a user's PATH may not name.
        var start = new ProcessStartInfo(File.Exists("/usr/sbin/haproxy") ? "/usr/sbin/haproxy" : "haproxy") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-db", "-f", path })
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            balancer._process = Process.Start(start) ?? throw new InvalidOperationException("HAProxy did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("HAProxy is not installed: run the tests through scripts/test.sh, which installs it.", e);
        }

        balancer._process.OutputDataReceived += (_, e) => balancer._output.Append(e.Data);
        balancer._process.ErrorDataReceived += (_, e) => balancer._output.Append(e.Data);
        balancer._process.BeginOutputReadLine();
        balancer._process.BeginErrorReadLine();
        await balancer.WaitListeningAsync();
        return balancer;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task WaitListeningAsync()
    {
        await Eventually.ThatAsync(async token =>
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"HAProxy exited with {_process.ExitCode}:\n{Output}");
            }

            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync("127.0.0.1", Port, token);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }, "HAProxy listening", TimeSpan.FromSeconds(10));
    }
}
