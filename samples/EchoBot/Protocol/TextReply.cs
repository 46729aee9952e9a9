namespace EchoBot.Protocol;

internal sealed record TextReply(string Content) : Reply;
