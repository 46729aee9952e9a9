namespace Hutong.MiniPrograms.AppStorage;

/// <summary>
/// One person's storage at one mini-program, keyed <c>{appKey:N}/{userId:N}</c>. It keeps nothing itself: it takes
/// that person's writes one at a time in the cluster, so the 10 MB limit holds when two devices write at once.
/// </summary>
public interface IAppStorageGrain : IGrainWithStringKey
{
    /// <summary>Writes the item unless the storage would pass its limit; the bytes used after, or null when refused.</summary>
    Task<long?> SetAsync(string key, string value, long limit);
}
