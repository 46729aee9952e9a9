using Hutong.Client;
using Hutong.Contracts.Accounts;
using Hutong.Server.Hosting;
using Hutong.Testing;

namespace Hutong.OfficialAccounts.Tests;

/// <summary>
/// One node per provider for the official-account tests, with an operator named in <c>Hutong:Operators</c> and signed
/// in, so service accounts can be reviewed, and leave to call developer servers on loopback over plain http (with
/// the real 5 s deadline: a busy machine can take longer than a short one to answer a push that is answered).
/// </summary>
public sealed class OfficialAccountServers : IAsyncDisposable
{
    public const string OperatorHandle = "hutong_ops";

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
                    ["Hutong:OfficialAccounts:AllowPlainHttpUrls"] = "true",
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
