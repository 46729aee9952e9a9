namespace Hutong.MiniPrograms.CloudStorage;

/// <summary>People's hosted data (key-values) at each game. Implemented by Hutong.Storage.</summary>
public interface ICloudStorageStore
{
    /// <summary>The person's items under those keys, the ones they have.</summary>
    Task<IReadOnlyDictionary<string, string>> GetAsync(Guid appKey, Guid userId, IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> KeysAsync(Guid appKey, Guid userId, CancellationToken cancellationToken);

    /// <summary>
    /// Writes every item in one transaction, unless the person would then keep more than <paramref name="maxKeys"/>
    /// keys at the app: false then, and nothing is written. Callers take one person's writes one at a time
    /// (<see cref="ICloudStorageGrain"/>), so the count read here is still true when the write commits.
    /// </summary>
    Task<bool> SetAsync(Guid appKey, Guid userId, IReadOnlyDictionary<string, string> items, int maxKeys, DateTimeOffset at, CancellationToken cancellationToken);

    Task RemoveAsync(Guid appKey, Guid userId, IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>
    /// Which of <paramref name="userIds"/> keep any data at the app (the game's players), each with their items under
    /// <paramref name="keys"/> (none, when they stored none of those), in two queries however many people there are.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, string>>> PlayersAsync(
        Guid appKey, IReadOnlyCollection<Guid> userIds, IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>Removes the person's data at every game (their account is deleted).</summary>
    Task ForgetAsync(Guid userId, CancellationToken cancellationToken);
}
