namespace Hutong.Chat.Media;

/// <summary>Uploads and who may see them. Implemented by Hutong.Storage.</summary>
public interface IMediaStore
{
    /// <summary>Adds uploads in one transaction: a video with its poster.</summary>
    Task AddAsync(IReadOnlyCollection<MediaItem> items, CancellationToken cancellationToken);

    Task<MediaItem?> FindAsync(Guid mediaId, CancellationToken cancellationToken);

    /// <summary>
    /// True for the uploader, for members of a conversation where a message they may see (not recalled, not from
    /// before they joined) carries it, and for anyone the person whose avatar it is has not blocked.
    /// </summary>
    Task<bool> CanSeeAsync(Guid userId, Guid mediaId, CancellationToken cancellationToken);

    /// <summary>Removes every upload of a person; returns the contents no other upload shares any more.</summary>
    Task<IReadOnlyList<string>> RemoveUploadsAsync(Guid uploaderId, CancellationToken cancellationToken);

    /// <summary>The video whose poster frame <paramref name="posterId"/> is, if it is one.</summary>
    Task<Guid?> FindVideoOfPosterAsync(Guid posterId, CancellationToken cancellationToken);

    /// <summary>Removes the uploads, and the poster of any video among them; returns the contents no other upload shares any more.</summary>
    Task<IReadOnlyList<string>> RemoveAsync(IReadOnlyCollection<Guid> mediaIds, CancellationToken cancellationToken);
}
