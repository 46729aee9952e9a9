namespace EchoBot.Protocol;

/// <summary>
/// A passive reply: the body of the HTTP response to a push. A follower sees a <see cref="TextReply"/> or a
/// <see cref="NewsReply"/>; <see cref="SuccessReply"/> and <see cref="EmptyReply"/> tell the platform that nothing
/// comes and not to retry.
/// </summary>
internal abstract record Reply
{
    public static readonly Reply Success = new SuccessReply();

    public static readonly Reply Empty = new EmptyReply();
}
