using System.Collections.Concurrent;
using Hutong.Chat.Media;

namespace Hutong.Chat.Tests;

/// <summary>The node's media store, noting every upload it is asked to add, so a test can see that a refusal added none.</summary>
internal sealed class RecordingMediaStore(IMediaStore inner) : IMediaStore
{
    private readonly ConcurrentQueue<MediaItem> _added = new();

    public IReadOnlyList<MediaItem> Added => [.. _added];

    public async Task AddAsync(IReadOnlyCollection<MediaItem> items, CancellationToken cancellationToken)
    {
        await inner.AddAsync(items, cancellationToken);
        foreach (var item in items)
        {
            _added.Enqueue(item);
        }
    }

    public Task<MediaItem?> FindAsync(Guid mediaId, CancellationToken cancellationToken) => inner.FindAsync(mediaId, cancellationToken);

    public Task<bool> CanSeeAsync(Guid userId, Guid mediaId, CancellationToken cancellationToken) => inner.CanSeeAsync(userId, mediaId, cancellationToken);

    public Task<Guid?> FindVideoOfPosterAsync(Guid posterId, CancellationToken cancellationToken) => inner.FindVideoOfPosterAsync(posterId, cancellationToken);

    public Task<IReadOnlyList<string>> RemoveUploadsAsync(Guid uploaderId, CancellationToken cancellationToken) => inner.RemoveUploadsAsync(uploaderId, cancellationToken);

    public Task<IReadOnlyList<string>> RemoveAsync(IReadOnlyCollection<Guid> mediaIds, CancellationToken cancellationToken) => inner.RemoveAsync(mediaIds, cancellationToken);
}
