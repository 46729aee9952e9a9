using Hutong.Server.Hosting;

namespace Hutong.Testing;

/// <summary>
/// One node per storage provider, shared by the tests of a class and started on first use. Tests that need their own
/// settings, clock or a restart start a <see cref="HutongApp"/> of their own.
/// </summary>
public sealed class ServerFixture : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<StorageProvider, HutongApp> _apps = [];

    public async Task<HutongApp> GetAsync(StorageProvider provider)
    {
        await _gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (!_apps.TryGetValue(provider, out var app))
            {
                _apps[provider] = app = await HutongApp.StartAsync(provider, cancellationToken: TestContext.Current.CancellationToken);
            }

            return app;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps.Values)
        {
            await app.DisposeAsync();
            app.Storage.Dispose();
        }

        _gate.Dispose();
    }
}
