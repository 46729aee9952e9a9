using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Hutong.Testing;

namespace Hutong.BrowserTests;

/// <summary>
/// The official-account shop sample (samples/oa-shop) as its README runs it: its build output in a process of its own,
/// on a loopback port, with the node's URL, the account's app id and secret and the merchant's settings.
/// </summary>
internal sealed class OaShopProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(60);

    private readonly string _folder = Directory.CreateTempSubdirectory("hutong-oa-shop-").FullName;
    private readonly ProcessOutput _output = new();
    private Process? _process;

    private OaShopProcess(int port) => Origin = $"http://127.0.0.1:{port}";

    /// <summary><c>http://127.0.0.1:{port}</c>: where it listens, the link the account's menu gives.</summary>
    public string Origin { get; }

    /// <summary>What the shop logged, for a failing test to show.</summary>
    public string Output => _output.ToString();

    public static OaShopProcess OnFreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return new OaShopProcess(((IPEndPoint)probe.LocalEndpoint).Port);
    }

    /// <summary>Starts it for the account and the merchant, and returns once it listens.</summary>
    public async Task StartAsync(Uri node, string appId, string appSecret, TestMerchant merchant)
    {
        var key = Path.Combine(_folder, "merchant_key.pem");
        merchant.WritePrivateKey(key);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(TestPaths.OaShop)!,
        };
        foreach (var arg in new[]
        {
            TestPaths.OaShop,
            "--urls", Origin,
            "--Platform:Node", node.ToString(),
            "--Account:AppId", appId,
            "--Account:AppSecret", appSecret,
            "--WeChatPay:MchId", merchant.MchId,
            "--WeChatPay:SerialNo", merchant.SerialNo,
            "--WeChatPay:PrivateKeyPath", key,
            "--WeChatPay:ApiV3Key", merchant.ApiV3Key!,
        })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["NO_COLOR"] = "1";

        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _process = Process.Start(start) ?? throw new InvalidOperationException("The shop did not start.");
        _process.OutputDataReceived += (_, e) =>
        {
            _output.Append(e.Data);
            if (e.Data?.Contains("Now listening on:", StringComparison.Ordinal) == true)
            {
                listening.TrySetResult();
            }
        };
        _process.ErrorDataReceived += (_, e) => _output.Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        try
        {
            await Task.WhenAny(listening.Task, _process.WaitForExitAsync(TestContext.Current.CancellationToken))
                .WaitAsync(StartPatience, TestContext.Current.CancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The shop was not listening within {StartPatience.TotalSeconds:0} s:\n{Output}");
        }

        if (!listening.Task.IsCompleted)
        {
            throw new InvalidOperationException($"The shop exited with {_process.ExitCode}:\n{Output}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the dying process: the temp folder is cleaned by the OS later.
        }
    }

}
