namespace Hutong.Chat.Media;

/// <summary>
/// A feature that shows uploads somewhere else than in chats (a post, a status) says who may fetch them there. An upload
/// may be fetched by anyone one of these, or chat's own rule (<see cref="IMediaStore.CanSeeAsync"/>), lets see it.
/// </summary>
public interface IMediaAudience
{
    Task<bool> CanSeeAsync(Guid userId, Guid mediaId, CancellationToken cancellationToken);
}
