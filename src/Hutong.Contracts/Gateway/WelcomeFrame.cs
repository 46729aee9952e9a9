namespace Hutong.Contracts.Gateway;

/// <summary>
/// The answer to hello: who the device is, the newest seq of its event log, and the conversations with messages newer
/// than it said it holds. What it missed follows, then <c>synced</c>.
/// </summary>
public sealed record WelcomeFrame(string UserId, string DeviceId, long Cursor, IReadOnlyList<ConversationPosition> Conversations) : ServerFrame;
