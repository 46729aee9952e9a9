using System.Text;
using Hutong.Contracts;
using Hutong.Contracts.MiniPrograms;
using Hutong.Core.Errors;
using Hutong.MiniPrograms.Apps;

namespace Hutong.MiniPrograms.AppStorage;

/// <summary>
/// <c>wx.setStorage</c> and friends, kept on the server so a person's data at an app follows them to every device:
/// 10 MB per person per app, 1 MB per value, as WeChat's limits.
/// </summary>
public sealed class AppStorageService(IAppStorageStore store, MiniProgramService apps, IGrainFactory grains)
{
    public const long Limit = 10 * 1024 * 1024;
    public const long ItemLimit = 1024 * 1024;
    public const int MaxKey = 1024;

    public async Task<Result<MiniProgramStorage>> GetAsync(Guid me, string appId, CancellationToken cancellationToken)
    {
        var app = await OpenableAsync(me, appId, cancellationToken);
        if (app is null)
        {
            return MiniProgramService.NotFound;
        }

        var items = await store.ItemsAsync(app.Id, me, cancellationToken);
        return new MiniProgramStorage(items, items.Sum(i => (long)Encoding.UTF8.GetByteCount(i.Key) + Encoding.UTF8.GetByteCount(i.Value)), Limit);
    }

    public async Task<Result<MiniProgramStorage>> SetAsync(Guid me, string appId, SetStorageItemRequest request, CancellationToken cancellationToken)
    {
        var app = await OpenableAsync(me, appId, cancellationToken);
        if (app is null)
        {
            return MiniProgramService.NotFound;
        }

        if (Key(request.Key) is { } bad)
        {
            return bad;
        }

        if (request.Value is null || Encoding.UTF8.GetByteCount(request.Value) > ItemLimit)
        {
            return Error.Conflict(ErrorCodes.StorageFull, "The value is too large.", "One value is at most 1 MB.");
        }

        var used = await grains.GetGrain<IAppStorageGrain>($"{app.Id:N}/{me:N}").SetAsync(request.Key, request.Value, Limit);
        return used is null
            ? Error.Conflict(ErrorCodes.StorageFull, "The storage is full.", "A mini-program keeps at most 10 MB for each person.")
            : await GetAsync(me, appId, cancellationToken);
    }

    public async Task<Result<MiniProgramStorage>> RemoveAsync(Guid me, string appId, string? key, CancellationToken cancellationToken)
    {
        var app = await OpenableAsync(me, appId, cancellationToken);
        if (app is null)
        {
            return MiniProgramService.NotFound;
        }

        if (key is null)
        {
            await store.ClearAsync(app.Id, me, cancellationToken);
        }
        else if (Key(key) is { } bad)
        {
            return bad;
        }
        else
        {
            await store.RemoveAsync(app.Id, me, key, cancellationToken);
        }

        return await GetAsync(me, appId, cancellationToken);
    }

    private static Error? Key(string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > MaxKey)
        {
            var errors = new FieldErrors();
            errors.Add("key", $"key is 1 to {MaxKey} characters.");
            return errors.ToError();
        }

        return null;
    }

    private Task<MiniProgram?> OpenableAsync(Guid me, string appId, CancellationToken cancellationToken) => apps.OpenableAsync(me, appId, cancellationToken);
}
