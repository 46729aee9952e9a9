using Hutong.Client;
using Hutong.Contracts.Accounts;
using Hutong.Server.Hosting;
using Hutong.Testing;

namespace Hutong.Cli.Tests;

/// <summary>
/// One node for a test class (SQLite: storage is tested on both providers elsewhere), with an operator named in
/// <c>Hutong:Operators</c> and signed in, so versions can be reviewed.
/// </summary>
public sealed class CliServer : IAsyncDisposable
{
    public const string OperatorHandle = "mp_ops";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (HutongApp App, HutongClient Operator)? _node;

    public async Task<(HutongApp App, HutongClient Operator)> GetAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_node is null)
            {
                var app = await HutongApp.StartAsync(
                    StorageProvider.Sqlite, new Dictionary<string, string?> { ["Hutong:Operators:0"] = OperatorHandle }, cancellationToken: cancellationToken);
                var client = app.NewClient();
                await client.SignUpAsync(new SignUpRequest(OperatorHandle, TestUser.DefaultPassword, "Operator"), cancellationToken);
                await client.LoginAsync(new LoginRequest(OperatorHandle, TestUser.DefaultPassword, "desk"), cancellationToken);
                _node = (app, client);
            }

            return _node.Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_node is { App: var app })
        {
            await app.DisposeAsync();
            app.Storage.Dispose();
        }

        _gate.Dispose();
    }
}
