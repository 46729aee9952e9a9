namespace Hutong.Contracts.Chat.Content;

/// <summary>
/// Content of a kind this build does not know, or with no kind at all: read so that one new kind does not make a
/// whole page of messages unreadable. A client shows it as a message it cannot show yet; a node refuses to send it.
/// It is never written under a kind of its own.
/// </summary>
public sealed record UnknownContent(string? Kind) : MessageContent
{
    public override bool Recallable() => false;
}
