using Hutong.Accounts.Identity;

namespace Hutong.MiniPrograms.Stories;

/// <summary>A deleted account's story drafts go with it (its published stories are mini-games, kept as apps are).</summary>
internal sealed class StoryAccountObserver(IStoryStore store) : IAccountObserver
{
    public Task OnProfileChangedAsync(Guid userId, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task OnAccountDeletedAsync(Guid userId, CancellationToken cancellationToken) => store.ForgetAsync(userId, cancellationToken);
}
