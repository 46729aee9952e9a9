namespace EchoBot.Protocol;

/// <summary>An empty body, which the platform takes as <c>success</c>.</summary>
internal sealed record EmptyReply : Reply;
