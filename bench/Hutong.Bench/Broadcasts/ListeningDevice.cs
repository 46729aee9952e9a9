using Hutong.Client;

namespace Hutong.Bench.Broadcasts;

/// <summary>
/// A device that only listens: its gateway, and a reader noting in <see cref="Arrivals"/> each push of kind
/// <typeparamref name="T"/> that names a broadcast (its id on Hutong, its text on the relay).
/// </summary>
internal sealed class ListeningDevice<T>(HutongGateway gateway, int index, Func<T, string?> broadcastOf) : IAsyncDisposable
    where T : class
{
    private readonly CancellationTokenSource _stop = new();
    private Task _reading = Task.CompletedTask;

    public async Task ConnectAsync(Arrivals arrivals, CancellationToken cancellationToken)
    {
        _reading = ReadAsync(gateway.Subscribe<T>(), arrivals);
        await gateway.ConnectAsync(cancellationToken: cancellationToken);
    }

    private async Task ReadAsync(System.Threading.Channels.ChannelReader<T> pushed, Arrivals arrivals)
    {
        await foreach (var push in pushed.ReadAllAsync(_stop.Token))
        {
            if (broadcastOf(push) is { } broadcast)
            {
                arrivals.Arrived(broadcast, index);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reading.ContinueWith(_ => { }, TaskScheduler.Default);
        await gateway.DisposeAsync();
        _stop.Dispose();
    }
}
