using Hutong.MiniPrograms.Apps;

namespace Hutong.MiniPrograms.AppApi;

internal sealed class MiniProgramGrain(IMiniProgramStore store, TimeProvider clock) : Grain, IMiniProgramGrain
{
    public async Task<bool> LimitedCodeAsync(string path, int max)
    {
        var appKey = this.GetPrimaryKey();
        if (await store.HasLimitedCodeAsync(appKey, path, CancellationToken.None))
        {
            return true;
        }

        if (await store.CountLimitedCodesAsync(appKey, CancellationToken.None) >= max)
        {
            return false;
        }

        await store.AddLimitedCodeAsync(appKey, path, clock.GetUtcNow(), CancellationToken.None);
        return true;
    }
}
