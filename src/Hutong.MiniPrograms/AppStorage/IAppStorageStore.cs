namespace Hutong.MiniPrograms.AppStorage;

/// <summary>A person's key-value storage at each mini-program. Implemented by Hutong.Storage.</summary>
public interface IAppStorageStore
{
    Task<IReadOnlyDictionary<string, string>> ItemsAsync(Guid appKey, Guid userId, CancellationToken cancellationToken);

    /// <summary>Bytes used: keys and values in UTF-8.</summary>
    Task<long> SizeAsync(Guid appKey, Guid userId, CancellationToken cancellationToken);

    /// <summary>The size of the item now under the key, or 0 when there is none.</summary>
    Task<long> ItemSizeAsync(Guid appKey, Guid userId, string key, CancellationToken cancellationToken);

    Task SetAsync(Guid appKey, Guid userId, string key, string value, long size, DateTimeOffset at, CancellationToken cancellationToken);

    Task RemoveAsync(Guid appKey, Guid userId, string key, CancellationToken cancellationToken);

    Task ClearAsync(Guid appKey, Guid userId, CancellationToken cancellationToken);
}
