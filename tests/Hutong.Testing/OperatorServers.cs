using Hutong.Client;
using Hutong.Contracts.Accounts;
using Hutong.Server.Hosting;

namespace Hutong.Testing;

/// <summary>
/// One node per provider for a test class, with an operator named in <c>Hutong:Operators</c> and signed in, and the
/// settings a feature's tests need (loopback developer servers, say). A feature's fixture derives from it.
/// </summary>
public abstract class OperatorServers(string operatorHandle, IReadOnlyDictionary<string, string?> settings) : IAsyncDisposable
{
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
                var app = await HutongApp.StartAsync(provider, new Dictionary<string, string?>(settings) { ["Hutong:Operators:0"] = operatorHandle }, cancellationToken: cancellationToken);
                var client = app.NewClient();
                await client.SignUpAsync(new SignUpRequest(operatorHandle, TestUser.DefaultPassword, "Operator"), cancellationToken);
                await client.LoginAsync(new LoginRequest(operatorHandle, TestUser.DefaultPassword, "desk"), cancellationToken);
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
        GC.SuppressFinalize(this);
    }
}
