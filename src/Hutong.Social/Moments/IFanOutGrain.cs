using Orleans.Concurrency;

namespace Hutong.Social.Moments;

/// <summary>
/// Puts one post into the timelines of the friends it may reach, in batches that each record how far they got, so a
/// fan-out cut off by a crash goes on from there when anyone asks again. Keyed by the post's id; one activation in the
/// cluster, so two nodes never fan out the same post at once.
/// </summary>
public interface IFanOutGrain : IGrainWithGuidKey
{
    /// <summary>Fans the post out if it is not done yet; returns at once (the sweeper resumes what a crash cut off).</summary>
    [OneWay]
    Task RunAsync();

    /// <summary>The same, answering when the fan-out is done (for the sweeper and tests).</summary>
    Task CompleteAsync();
}
