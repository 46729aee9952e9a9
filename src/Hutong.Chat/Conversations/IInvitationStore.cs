namespace Hutong.Chat.Conversations;

/// <summary>Group invitations and join codes. Implemented by Hutong.Storage.</summary>
public interface IInvitationStore
{
    Task AddAsync(IReadOnlyList<GroupInvitation> invitations, CancellationToken cancellationToken);

    Task<GroupInvitation?> FindAsync(Guid invitationId, CancellationToken cancellationToken);

    Task UpdateAsync(GroupInvitation invitation, CancellationToken cancellationToken);

    /// <summary>Open, unexpired invitations the user may answer: to accept as invitee, or to approve as owner or admin.</summary>
    Task<IReadOnlyList<(GroupInvitation Invitation, string GroupName)>> ListOpenForUserAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken);

    Task AddCodeAsync(GroupCode code, CancellationToken cancellationToken);

    Task<GroupCode?> FindCodeAsync(string code, CancellationToken cancellationToken);

    /// <summary>The member's newest code for the group that is good for at least <paramref name="until"/>.</summary>
    Task<GroupCode?> FindLiveCodeAsync(Guid conversationId, Guid creatorId, DateTimeOffset until, CancellationToken cancellationToken);
}
