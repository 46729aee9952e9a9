namespace Hutong.Contracts.Gateway;

/// <summary>A conversation's newest seq, in <c>welcome</c>: the device holds less of it than this.</summary>
public sealed record ConversationPosition(string ConversationId, long LastSeq);
