using Hutong.Contracts;
using Hutong.Contracts.MiniPrograms;
using Hutong.Core.Errors;
using Hutong.MiniPrograms.Apps;

namespace Hutong.MiniPrograms.CloudStorage;

/// <summary>
/// A person's hosted data at a game (<c>wx.setUserCloudStorage</c> and friends): key-values the open data context
/// reads back on leaderboards. At most 128 keys a person, a key of 1 to 128 bytes, key and value at most 1,024 bytes,
/// as WeChat's limits; a call with one bad item writes nothing.
/// </summary>
public sealed class CloudStorageService(ICloudStorageStore store, MiniProgramService apps, IGrainFactory grains)
{
    public static readonly Error Full = Error.Conflict(
        ErrorCodes.CloudStorageFull, "The game keeps at most 128 keys for each person.", "Remove some first; nothing was written.");

    public async Task<Result<Done>> SetAsync(Guid me, string appId, SetCloudStorageRequest request, CancellationToken cancellationToken)
    {
        if (await apps.OpenableAsync(me, appId, cancellationToken) is not { } app)
        {
            return MiniProgramService.NotFound;
        }

        var items = request.KVDataList;
        var errors = new FieldErrors();
        if (items is null || items.Count == 0)
        {
            errors.Add("KVDataList", "Give at least one item.");
        }
        else
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (CloudItems.Check(items[i]?.Key, items[i]?.Value) is { } fault)
                {
                    errors.Add(fault == CloudItemFault.Key ? $"KVDataList[{i}].key" : $"KVDataList[{i}]", CloudItems.Rule(fault));
                }
            }
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        return await WriteAsync(app.Id, me, items!, cancellationToken) ? Done.Value : Full;
    }

    /// <summary>Writes checked items for the person; false when they would keep more than 128 keys (nothing written).</summary>
    internal async Task<bool> WriteAsync(Guid appKey, Guid userId, IReadOnlyList<KVData> items, CancellationToken cancellationToken)
    {
        // A key given twice keeps its last value, as two calls one after the other would.
        var latest = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            latest[item.Key] = item.Value;
        }

        cancellationToken.ThrowIfCancellationRequested();
        return latest.Count <= CloudItems.MaxKeys && await Grain(appKey, userId).SetAsync(latest);
    }

    public async Task<Result<Done>> RemoveAsync(Guid me, string appId, RemoveCloudStorageRequest request, CancellationToken cancellationToken)
    {
        if (await apps.OpenableAsync(me, appId, cancellationToken) is not { } app)
        {
            return MiniProgramService.NotFound;
        }

        var keys = CloudItems.KeyList("keyList", request.KeyList);
        if (!keys.IsSuccess)
        {
            return keys.Error;
        }

        await RemoveKeysAsync(app.Id, me, keys.Value);
        return Done.Value;
    }

    internal Task RemoveKeysAsync(Guid appKey, Guid userId, string[] keys) => Grain(appKey, userId).RemoveAsync(keys);

    /// <summary><c>wx.getUserCloudStorage</c>: the caller's items under the keys, in the order asked, the ones they have.</summary>
    public async Task<Result<CloudStorageData>> GetAsync(Guid me, string appId, IReadOnlyList<string?>? keys, CancellationToken cancellationToken)
    {
        if (await apps.OpenableAsync(me, appId, cancellationToken) is not { } app)
        {
            return MiniProgramService.NotFound;
        }

        var asked = CloudItems.KeyList("keys", keys);
        if (!asked.IsSuccess)
        {
            return asked.Error;
        }

        return new CloudStorageData(InOrder(await store.GetAsync(app.Id, me, asked.Value, cancellationToken), asked.Value));
    }

    /// <summary><c>wx.getUserCloudStorageKeys</c>: every key the caller keeps at the game, in ordinal order.</summary>
    public async Task<Result<CloudStorageKeys>> KeysAsync(Guid me, string appId, CancellationToken cancellationToken)
    {
        if (await apps.OpenableAsync(me, appId, cancellationToken) is not { } app)
        {
            return MiniProgramService.NotFound;
        }

        var keys = await store.KeysAsync(app.Id, me, cancellationToken);
        return new CloudStorageKeys(keys.Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>The items under the keys asked, in their order, leaving out those not kept.</summary>
    internal static List<KVData> InOrder(IReadOnlyDictionary<string, string> items, IReadOnlyList<string> keys) =>
        keys.Where(items.ContainsKey).Select(k => new KVData(k, items[k])).ToList();

    private ICloudStorageGrain Grain(Guid appKey, Guid userId) => grains.GetGrain<ICloudStorageGrain>(CloudStorageGrain.KeyOf(appKey, userId));
}
