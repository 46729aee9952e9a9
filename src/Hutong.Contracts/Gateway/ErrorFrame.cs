namespace Hutong.Contracts.Gateway;

/// <summary>
/// Something went wrong: <see cref="Code"/> is one of <c>ErrorCodes</c>. A failed send names its
/// <see cref="ClientMsgId"/> and conversation; an error about the connection names neither.
/// </summary>
public sealed record ErrorFrame(string Code, int Status, string Title, string? ClientMsgId = null, string? ConversationId = null) : ServerFrame;
