using Hutong.MiniPrograms.CloudStorage;
using Microsoft.EntityFrameworkCore;

namespace Hutong.Storage.MiniPrograms;

/// <summary>Hosted data of games. Writes take the node's SQLite writer turns (<see cref="WriterTurns"/>).</summary>
internal sealed class CloudStorageStore(IDbContextFactory<HutongDbContext> contexts, WriterTurns turns) : ICloudStorageStore
{
    public async Task<IReadOnlyDictionary<string, string>> GetAsync(Guid appKey, Guid userId, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var asked = keys.ToArray();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MiniProgramCloudStorage.AsNoTracking()
            .Where(i => i.AppKey == appKey && i.UserId == userId && EF.Parameter(asked).Contains(i.Key))
            .ToDictionaryAsync(i => i.Key, i => i.Value, StringComparer.Ordinal, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> KeysAsync(Guid appKey, Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MiniProgramCloudStorage.Where(i => i.AppKey == appKey && i.UserId == userId).Select(i => i.Key).ToListAsync(cancellationToken);
    }

    public async Task<bool> SetAsync(
        Guid appKey, Guid userId, IReadOnlyDictionary<string, string> items, int maxKeys, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var turn = await turns.TakeAsync(db, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var kept = await db.MiniProgramCloudStorage.Where(i => i.AppKey == appKey && i.UserId == userId).ToDictionaryAsync(i => i.Key, StringComparer.Ordinal, cancellationToken);
        if (kept.Count + items.Keys.Count(k => !kept.ContainsKey(k)) > maxKeys)
        {
            return false;
        }

        foreach (var (key, value) in items)
        {
            if (kept.TryGetValue(key, out var row))
            {
                row.Value = value;
                row.UpdatedAt = at;
            }
            else
            {
                db.MiniProgramCloudStorage.Add(new CloudItemRow { AppKey = appKey, UserId = userId, Key = key, Value = value, UpdatedAt = at });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task RemoveAsync(Guid appKey, Guid userId, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var gone = keys.ToArray();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var turn = await turns.TakeAsync(db, cancellationToken);
        await db.MiniProgramCloudStorage.Where(i => i.AppKey == appKey && i.UserId == userId && EF.Parameter(gone).Contains(i.Key)).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, string>>> PlayersAsync(
        Guid appKey, IReadOnlyCollection<Guid> userIds, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        if (userIds.Count == 0)
        {
            return new Dictionary<Guid, IReadOnlyDictionary<string, string>>();
        }

        // One array parameter each, not one per person: a friend list may pass SQLite's parameter limit.
        var people = userIds.ToArray();
        var asked = keys.ToArray();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var players = await db.MiniProgramCloudStorage.Where(i => i.AppKey == appKey && EF.Parameter(people).Contains(i.UserId))
            .Select(i => i.UserId).Distinct().ToListAsync(cancellationToken);
        var items = await db.MiniProgramCloudStorage.AsNoTracking()
            .Where(i => i.AppKey == appKey && EF.Parameter(people).Contains(i.UserId) && EF.Parameter(asked).Contains(i.Key))
            .Select(i => new { i.UserId, i.Key, i.Value })
            .ToListAsync(cancellationToken);
        var byPlayer = items.ToLookup(i => i.UserId);
        return players.ToDictionary(
            p => p,
            p => (IReadOnlyDictionary<string, string>)byPlayer[p].ToDictionary(i => i.Key, i => i.Value, StringComparer.Ordinal));
    }

    public async Task ForgetAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var turn = await turns.TakeAsync(db, cancellationToken);
        await db.MiniProgramCloudStorage.Where(i => i.UserId == userId).ExecuteDeleteAsync(cancellationToken);
    }
}
