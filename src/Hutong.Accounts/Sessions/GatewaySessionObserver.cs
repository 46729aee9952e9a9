using Hutong.Realtime;

namespace Hutong.Accounts.Sessions;

/// <summary>Closes a device's connections on every node when its session ends.</summary>
internal sealed class GatewaySessionObserver(IGrainFactory grains) : ISessionObserver
{
    public Task OnSessionEndedAsync(Guid userId, Guid deviceId, CancellationToken cancellationToken) =>
        grains.GetGrain<IUserGrain>(userId).EndSessionAsync(deviceId);
}
