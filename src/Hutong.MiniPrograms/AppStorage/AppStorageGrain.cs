using System.Text;

namespace Hutong.MiniPrograms.AppStorage;

internal sealed class AppStorageGrain(IAppStorageStore store, TimeProvider clock) : Grain, IAppStorageGrain
{
    public async Task<long?> SetAsync(string key, string value, long limit)
    {
        var (appKey, userId) = Owner();
        var size = (long)Encoding.UTF8.GetByteCount(key) + Encoding.UTF8.GetByteCount(value);
        var used = await store.SizeAsync(appKey, userId, CancellationToken.None) - await store.ItemSizeAsync(appKey, userId, key, CancellationToken.None);
        if (used + size > limit)
        {
            return null;
        }

        await store.SetAsync(appKey, userId, key, value, size, clock.GetUtcNow(), CancellationToken.None);
        return used + size;
    }

    private (Guid AppKey, Guid UserId) Owner()
    {
        var key = this.GetPrimaryKeyString();
        return (Guid.ParseExact(key[..32], "N"), Guid.ParseExact(key[33..], "N"));
    }
}
