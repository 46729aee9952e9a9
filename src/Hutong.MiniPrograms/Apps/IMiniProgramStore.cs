namespace Hutong.MiniPrograms.Apps;

/// <summary>Developers, mini-programs and their teams. Implemented by Hutong.Storage.</summary>
public interface IMiniProgramStore
{
    Task<Developer?> FindDeveloperAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Registers the developer, or renames one already registered (keeping when they registered).</summary>
    Task<Developer> SaveDeveloperAsync(Developer developer, CancellationToken cancellationToken);

    /// <summary>Adds the mini-program; false when its app id is taken.</summary>
    Task<bool> TryAddAsync(MiniProgram app, CancellationToken cancellationToken);

    Task<MiniProgram?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<MiniProgram?> FindByAppIdAsync(string appId, CancellationToken cancellationToken);

    Task<int> CountByDeveloperAsync(Guid developerId, CancellationToken cancellationToken);

    /// <summary>The mini-programs the person is on the team of (as developer or member), newest first, with their role.</summary>
    Task<IReadOnlyList<(MiniProgram App, string Role)>> TeamOfAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>
    /// Released apps whose name contains the (lower-case) text: with <paramref name="games"/> true only games and
    /// stories, false only mini-programs, null all.
    /// </summary>
    Task<IReadOnlyList<MiniProgram>> SearchReleasedAsync(string text, bool? games, int take, CancellationToken cancellationToken);

    /// <summary>Saves the name, description, category, icon, request domains and secret hash.</summary>
    Task UpdateAsync(MiniProgram app, CancellationToken cancellationToken);

    Task<IReadOnlyList<Member>> MembersAsync(Guid appKey, CancellationToken cancellationToken);

    Task<Member?> FindMemberAsync(Guid appKey, Guid userId, CancellationToken cancellationToken);

    /// <summary>Puts the person on the team in the role, or changes their role; false when the team is full.</summary>
    Task<bool> SetMemberAsync(Guid appKey, Member member, int maxMembers, CancellationToken cancellationToken);

    /// <summary>Takes the person off the team; false when they were not on it.</summary>
    Task<bool> RemoveMemberAsync(Guid appKey, Guid userId, CancellationToken cancellationToken);

    /// <summary>Notes that the person opened the app now.</summary>
    Task TouchRecentAsync(Guid userId, Guid appKey, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The apps the person opened, the last opened first; <paramref name="games"/> as in <see cref="SearchReleasedAsync"/>.</summary>
    Task<IReadOnlyList<MiniProgram>> RecentAsync(Guid userId, bool? games, int take, CancellationToken cancellationToken);

    Task<bool> HasLimitedCodeAsync(Guid appKey, string path, CancellationToken cancellationToken);

    Task<int> CountLimitedCodesAsync(Guid appKey, CancellationToken cancellationToken);

    /// <summary>Keeps a limited code's path; the same path again changes nothing.</summary>
    Task AddLimitedCodeAsync(Guid appKey, string path, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The app ids of the mini-program cards in the person's conversations (since they could see them), newest first.</summary>
    Task<IReadOnlyList<string>> SharedWithAsync(Guid userId, int take, CancellationToken cancellationToken);

    /// <summary>Whether the media is the icon of a released mini-program (public to everyone signed in).</summary>
    Task<bool> IsReleasedIconAsync(Guid mediaId, CancellationToken cancellationToken);
}
