using Hutong.MiniPrograms.AppStorage;
using Microsoft.EntityFrameworkCore;

namespace Hutong.Storage.MiniPrograms;

internal sealed class AppStorageStore(IDbContextFactory<HutongDbContext> contexts) : IAppStorageStore
{
    public async Task<IReadOnlyDictionary<string, string>> ItemsAsync(Guid appKey, Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MiniProgramStorage.AsNoTracking().Where(i => i.AppKey == appKey && i.UserId == userId)
            .ToDictionaryAsync(i => i.Key, i => i.Value, StringComparer.Ordinal, cancellationToken);
    }

    public async Task<long> SizeAsync(Guid appKey, Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MiniProgramStorage.Where(i => i.AppKey == appKey && i.UserId == userId).SumAsync(i => (long?)i.Size, cancellationToken) ?? 0;
    }

    public async Task<long> ItemSizeAsync(Guid appKey, Guid userId, string key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MiniProgramStorage.Where(i => i.AppKey == appKey && i.UserId == userId && i.Key == key).Select(i => (long?)i.Size).FirstOrDefaultAsync(cancellationToken) ?? 0;
    }

    public async Task SetAsync(Guid appKey, Guid userId, string key, string value, long size, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // Writes for one person at one app come one at a time through their grain, so update-or-insert cannot race.
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.MiniProgramStorage.Where(i => i.AppKey == appKey && i.UserId == userId && i.Key == key)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.Value, value).SetProperty(i => i.Size, size).SetProperty(i => i.UpdatedAt, at), cancellationToken) == 0)
        {
            db.MiniProgramStorage.Add(new StorageItemRow { AppKey = appKey, UserId = userId, Key = key, Value = value, Size = size, UpdatedAt = at });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task RemoveAsync(Guid appKey, Guid userId, string key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.MiniProgramStorage.Where(i => i.AppKey == appKey && i.UserId == userId && i.Key == key).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task ClearAsync(Guid appKey, Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.MiniProgramStorage.Where(i => i.AppKey == appKey && i.UserId == userId).ExecuteDeleteAsync(cancellationToken);
    }
}
