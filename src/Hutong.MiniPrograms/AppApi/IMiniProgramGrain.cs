namespace Hutong.MiniPrograms.AppApi;

/// <summary>
/// One mini-program's counted limits, keyed by its key: one activation in the cluster takes each new limited code in
/// turn, so the 100,000 a mini-program may have hold however many nodes make them at once.
/// </summary>
public interface IMiniProgramGrain : IGrainWithGuidKey
{
    /// <summary>Keeps the limited code for the path (again is free); false when the mini-program has all it may.</summary>
    Task<bool> LimitedCodeAsync(string path, int max);
}
