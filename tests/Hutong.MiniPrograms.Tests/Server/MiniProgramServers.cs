using Hutong.Client;
using Hutong.Contracts.Accounts;
using Hutong.Server.Hosting;
using Hutong.Testing;

namespace Hutong.MiniPrograms.Tests.Server;

/// <summary>One node per provider for the mini-program server tests, with an operator named in <c>Hutong:Operators</c> and signed in.</summary>
public sealed class MiniProgramServers : IAsyncDisposable
{
    public const string OperatorHandle = "mp_ops";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<StorageProvider, (HutongApp App, HutongClient Operator)> _nodes = [];

    public async Task<(HutongApp App, HutongClient Operator)> GetAsync(StorageProvider provider)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_nodes.TryGetValue(provider, out var node))
            {
                var app = await HutongApp.StartAsync(provider, new Dictionary<string, string?>
                {
                    ["Hutong:Operators:0"] = OperatorHandle,
                    ["Hutong:Outbound:AllowPrivateAddresses"] = "true",
                    ["Hutong:MiniPrograms:AllowPlainHttpRequests"] = "true",
                }, cancellationToken: cancellationToken);
                var client = app.NewClient();
                await client.SignUpAsync(new SignUpRequest(OperatorHandle, TestUser.DefaultPassword, "Operator"), cancellationToken);
                await client.LoginAsync(new LoginRequest(OperatorHandle, TestUser.DefaultPassword, "desk"), cancellationToken);
                _nodes[provider] = node = (app, client);
            }

            return node;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (app, _) in _nodes.Values)
        {
            await app.DisposeAsync();
            app.Storage.Dispose();
        }

        _gate.Dispose();
    }
}
