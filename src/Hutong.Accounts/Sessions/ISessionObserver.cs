namespace Hutong.Accounts.Sessions;

/// <summary>Told when a device's session ends (logout or revoke), so its open connections close at once.</summary>
public interface ISessionObserver
{
    Task OnSessionEndedAsync(Guid userId, Guid deviceId, CancellationToken cancellationToken);
}
