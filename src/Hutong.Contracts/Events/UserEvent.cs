namespace Hutong.Contracts.Chat;

/// <summary>
/// One entry of the caller's event log. <see cref="Seq"/> is gap-free per person; a device keeps the last it holds
/// and asks for what follows. Fields beyond <see cref="Kind"/> are set as the kind needs them.
/// </summary>
public sealed record UserEvent(
    long Seq,
    string Kind,
    DateTimeOffset At,
    string? ConversationId,
    long? MessageSeq,
    string? UserId,
    string? RequestId,
    string? State);
