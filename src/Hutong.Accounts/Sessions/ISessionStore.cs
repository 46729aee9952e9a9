namespace Hutong.Accounts.Sessions;

/// <summary>Durable device sessions. Implemented by Hutong.Storage.</summary>
public interface ISessionStore
{
    Task AddAsync(DeviceSession session, CancellationToken cancellationToken);

    Task<DeviceSession?> FindByTokenHashAsync(byte[] tokenHash, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeviceSession>> ListAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Sets the last-seen time of each device, all in one transaction.</summary>
    Task TouchAsync(IReadOnlyDictionary<Guid, DateTimeOffset> lastSeen, CancellationToken cancellationToken);

    /// <summary>Deletes the device's session; false when the user has no such device.</summary>
    Task<bool> RemoveAsync(Guid userId, Guid deviceId, CancellationToken cancellationToken);
}
