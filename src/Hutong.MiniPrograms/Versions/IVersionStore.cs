namespace Hutong.MiniPrograms.Versions;

/// <summary>
/// Versions of mini-programs. Every change of state is a conditional write (from the state the caller saw), and the
/// database keeps one version in review, one trial and one released per mini-program, so two nodes acting at once
/// cannot both win. Implemented by Hutong.Storage.
/// </summary>
public interface IVersionStore
{
    /// <summary>
    /// Stores an upload. A version of the same number still in development is replaced (the same id, new code); one
    /// past development stays as it is, and the answer is null.
    /// </summary>
    Task<AppVersion?> AddOrReplaceAsync(AppVersion version, CancellationToken cancellationToken);

    Task<AppVersion?> FindAsync(Guid versionId, CancellationToken cancellationToken);

    /// <summary>The mini-program's versions, newest upload first.</summary>
    Task<IReadOnlyList<AppVersion>> ListAsync(Guid appKey, int take, CancellationToken cancellationToken);

    /// <summary>The mini-program's version in the state (trial, review, released), if it has one.</summary>
    Task<AppVersion?> InStateAsync(Guid appKey, string state, CancellationToken cancellationToken);

    /// <summary>The mini-program's newest upload still in development.</summary>
    Task<AppVersion?> NewestDevelopAsync(Guid appKey, CancellationToken cancellationToken);

    /// <summary>
    /// Moves the version from one of <paramref name="from"/> to <paramref name="to"/>, recording when and (for a
    /// review) the note; false when it was in none of them, or when <paramref name="to"/> is a one-at-a-time state
    /// another version of the mini-program holds.
    /// </summary>
    Task<bool> MoveAsync(Guid versionId, IReadOnlyCollection<string> from, string to, string? reviewNote, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Makes the version (in development) the trial one; the trial before it goes back to development.</summary>
    Task<bool> MakeTrialAsync(Guid appKey, Guid versionId, CancellationToken cancellationToken);

    /// <summary>Releases the approved version; the one released before it is retired. False when it is not approved.</summary>
    Task<bool> ReleaseAsync(Guid appKey, Guid versionId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Releases again the version retired last, and sends the released one back to approved (so it may be released
    /// again): the released version's id, or null when there is nothing to roll back to.
    /// </summary>
    Task<Guid?> RollBackAsync(Guid appKey, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Versions waiting for an operator, the longest waiting first.</summary>
    Task<IReadOnlyList<AppVersion>> InReviewAsync(int take, CancellationToken cancellationToken);

    /// <summary>
    /// Withdraws the released version (an operator's take-down): it becomes rejected with the note, and the app has no
    /// released version. False when it is not the app's released version.
    /// </summary>
    Task<bool> TakeDownAsync(Guid appKey, Guid versionId, string note, DateTimeOffset at, CancellationToken cancellationToken);
}
