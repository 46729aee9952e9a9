namespace Hutong.MiniPrograms.CloudStorage;

internal sealed class CloudStorageGrain(ICloudStorageStore store, TimeProvider clock) : Grain, ICloudStorageGrain
{
    public Task<bool> SetAsync(Dictionary<string, string> items)
    {
        var (appKey, userId) = Owner();
        return store.SetAsync(appKey, userId, items, CloudItems.MaxKeys, clock.GetUtcNow(), CancellationToken.None);
    }

    public Task RemoveAsync(string[] keys)
    {
        var (appKey, userId) = Owner();
        return store.RemoveAsync(appKey, userId, keys, CancellationToken.None);
    }

    internal static string KeyOf(Guid appKey, Guid userId) => $"{appKey:N}/{userId:N}";

    private (Guid AppKey, Guid UserId) Owner()
    {
        var key = this.GetPrimaryKeyString();
        return (Guid.ParseExact(key[..32], "N"), Guid.ParseExact(key[33..], "N"));
    }
}
