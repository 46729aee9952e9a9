namespace Hutong.Contracts.Chat;

/// <summary>Events after the caller's cursor, ascending; <see cref="LastSeq"/> is the newest the server holds.</summary>
public sealed record UserEventList(IReadOnlyList<UserEvent> Events, long LastSeq);
