namespace Hutong.MiniPrograms.CloudStorage;

/// <summary>
/// One person's hosted data at one game, keyed <c>{appKey:N}/{userId:N}</c>. It keeps nothing itself: it takes that
/// person's writes one at a time in the cluster, so two devices (or a device and the game's server) writing at once
/// cannot take them past 128 keys between one's count and its write.
/// </summary>
public interface ICloudStorageGrain : IGrainWithStringKey
{
    /// <summary>Writes every item, or none when the person would keep more than 128 keys; whether it wrote.</summary>
    Task<bool> SetAsync(Dictionary<string, string> items);

    Task RemoveAsync(string[] keys);
}
