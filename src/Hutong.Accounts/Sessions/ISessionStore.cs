namespace Hutong.Accounts.Sessions;

/// <summary>Durable device sessions. Implemented by Hutong.Storage.</summary>
public interface ISessionStore
{
    Task AddAsync(DeviceSession session, CancellationToken cancellationToken);

    Task<DeviceSession?> FindByTokenHashAsync(byte[] tokenHash, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeviceSession>> ListAsync(Guid userId, CancellationToken cancellationToken);

    Task TouchAsync(Guid deviceId, DateTimeOffset lastSeenAt, CancellationToken cancellationToken);

    /// <summary>Deletes the device's session; false when the user has no such device.</summary>
    Task<bool> RemoveAsync(Guid userId, Guid deviceId, CancellationToken cancellationToken);
}
