using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Hutong.Client;
using Hutong.Contracts.Accounts;
using Hutong.Testing;
using Hutong.Testing.Cluster;

namespace Hutong.Cluster.Tests;

/// <summary>
/// scripts/cluster.sh, the cluster a person tries on one machine (and the bench's cluster scenario runs): its HAProxy
/// configuration is the test balancer's, and it brings up nodes behind HAProxy that keep serving when one is killed,
/// and takes everything away on Ctrl+C. In the shared cluster's collection only so that the two clusters do not start at once.
/// </summary>
[Collection(SharedCluster.Name)]
public sealed partial class ClusterScriptTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Script => Path.Combine(Root, "scripts", "cluster.sh");

    private static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (!File.Exists(Path.Combine(dir.FullName, "Hutong.slnx")))
            {
                dir = dir.Parent ?? throw new InvalidOperationException("No Hutong.slnx above the tests.");
            }

            return dir.FullName;
        }
    }

    [Fact]
    public void TheScriptsHaproxyConfiguration_IsTheTestBalancers()
    {
        var script = File.ReadAllText(Script);
        // The script's first here-document after its HAProxy heading, up to the server lines it adds in a loop.
        var written = HereDocument().Match(script[script.IndexOf("# --- HAProxy", StringComparison.Ordinal)..]);
        Assert.True(written.Success, "scripts/cluster.sh no longer writes its HAProxy configuration in a here-document.");

        var fixture = Balancer.Configuration(8080, [("node1", 20001)]);
        var scripts = written.Groups["config"].Value.Replace("$bind:$port", "127.0.0.1:8080", StringComparison.Ordinal) + "    server node1 127.0.0.1:20001\n";

        Assert.Equal(fixture.ReplaceLineEndings("\n"), scripts);
    }

    [Fact]
    public async Task TwoNodes_ServeThroughTheBalancer_KeepServingWhenOneIsKilled_AndCtrlCRemovesEverything()
    {
        if (!File.Exists("/usr/sbin/haproxy"))
        {
            Assert.Skip("HAProxy is not installed: run the tests through scripts/test.sh, which installs it.");
        }

        var state = Path.Combine(Path.GetTempPath(), $"hutong-cluster-test-{Guid.NewGuid():N}.state");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Root };
        foreach (var arg in new[] { Script, "--nodes", "2", "--port", FreePort().ToString(CultureInfo.InvariantCulture), "--server", NodeProcess.ServerPath, "--state", state, "--owner", Environment.ProcessId.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        var output = new ProcessOutput();
        using var script = Process.Start(start)!;
        script.OutputDataReceived += (_, e) => output.Append(e.Data);
        script.ErrorDataReceived += (_, e) => output.Append(e.Data);
        script.BeginOutputReadLine();
        script.BeginErrorReadLine();
        try
        {
            // A cold start of PostgreSQL and two nodes on a machine busy with other tests.
            await Eventually.ThatAsync(() => File.Exists(state) || script.HasExited, "the cluster ready", TimeSpan.FromMinutes(3));
            Assert.False(script.HasExited, output.ToString());
            var ready = (await File.ReadAllLinesAsync(state, Ct)).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
            var folder = ready["folder"];
            using var http = new HttpClient { BaseAddress = new Uri(ready["balancer"]) };
            var client = new HutongClient(http);

            Assert.Contains("<html", await http.GetStringAsync(new Uri("/", UriKind.Relative), Ct), StringComparison.OrdinalIgnoreCase);
            await client.SignUpAsync(new SignUpRequest("mei_cluster", "password-123", "Mei"), Ct);

            var node2 = int.Parse(ready["node2"].Split(' ')[1], CultureInfo.InvariantCulture);
            using (var kill = Process.Start("kill", ["-KILL", node2.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(Ct);
            }

            // Every request from now on, whichever node HAProxy first picks, is answered by the one left.
            for (var i = 0; i < 6; i++)
            {
                var session = await client.LoginAsync(new LoginRequest("mei_cluster", "password-123", $"device {i}"), Ct);
                Assert.False(string.IsNullOrEmpty(session.Token));
            }

            await Eventually.ThatAsync(() => output.ToString().Contains("node2: gone", StringComparison.Ordinal), "the script saying node2 is gone");

            // Ctrl+C: the script stops the node left, then everything else, and removes its folder.
            using (var interrupt = Process.Start("kill", ["-INT", script.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await interrupt.WaitForExitAsync(Ct);
            }

            using var patience = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            patience.CancelAfter(TimeSpan.FromSeconds(60));
            await script.WaitForExitAsync(patience.Token);
            Assert.Equal(130, script.ExitCode);
            Assert.False(Directory.Exists(folder), output.ToString());
            var node1 = int.Parse(ready["node1"].Split(' ')[1], CultureInfo.InvariantCulture);
            Assert.False(Directory.Exists($"/proc/{node1}") && !File.ReadAllText($"/proc/{node1}/stat").Contains(") Z ", StringComparison.Ordinal), "node1 still runs");
            await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri("/healthz", UriKind.Relative), Ct));
        }
        finally
        {
            if (!script.HasExited)
            {
                using var term = Process.Start("kill", ["-TERM", script.Id.ToString(CultureInfo.InvariantCulture)]);
                await term.WaitForExitAsync(CancellationToken.None);
                await script.WaitForExitAsync(CancellationToken.None);
            }

            File.Delete(state);
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }



    [GeneratedRegex(@"cat <<EOF\n(?<config>.*?)EOF\n", RegexOptions.Singleline)]
    private static partial Regex HereDocument();
}
