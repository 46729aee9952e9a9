using Hutong.Accounts.Identity;

namespace Hutong.MiniPrograms.CloudStorage;

/// <summary>A deleted account's hosted data goes with it, at every game.</summary>
internal sealed class CloudStorageAccountObserver(ICloudStorageStore store) : IAccountObserver
{
    public Task OnProfileChangedAsync(Guid userId, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task OnAccountDeletedAsync(Guid userId, CancellationToken cancellationToken) => store.ForgetAsync(userId, cancellationToken);
}
