using Hutong.Contracts.Chat.Content;
using Hutong.Core.Errors;

namespace Hutong.Chat.Messages.Content;

/// <summary>
/// How chat takes one kind of content that devices may send: a kind without a handler is refused from devices (the
/// wallet's and the platform's kinds), and a new sendable kind is a new handler, registered as an
/// <see cref="IContentHandler"/> singleton by the feature that owns the kind.
/// </summary>
public interface IContentHandler
{
    /// <summary>The content record this handler takes.</summary>
    Type ContentType { get; }

    /// <summary>Checks what needs no one's state, adding to <paramref name="errors"/>; returns the content as it is stored.</summary>
    MessageContent Check(MessageContent content, ChatOptions limits, FieldErrors errors);

    /// <summary>Looks up what the content refers to (an upload, a person), before the conversation gives it a seq.</summary>
    Task<Result<MessageContent>> ResolveAsync(Guid senderId, MessageContent content, CancellationToken cancellationToken);

    /// <summary>A refusal that depends on the conversation: who is in it, and the sender's role.</summary>
    Error? Refuse(MessageContent content, SendContext context);
}

/// <summary>What a handler may know of the conversation a send goes to.</summary>
public sealed record SendContext(Conversations.MemberRole SenderRole, Func<Guid, bool> IsMember);

/// <summary>A handler for one content record, typed.</summary>
public abstract class ContentHandler<T> : IContentHandler
    where T : MessageContent
{
    public Type ContentType => typeof(T);

    public MessageContent Check(MessageContent content, ChatOptions limits, FieldErrors errors) => Check((T)content, limits, errors);

    public async Task<Result<MessageContent>> ResolveAsync(Guid senderId, MessageContent content, CancellationToken cancellationToken)
    {
        var resolved = await ResolveAsync(senderId, (T)content, cancellationToken);
        return resolved.IsSuccess ? resolved.Value : resolved.Error;
    }

    public Error? Refuse(MessageContent content, SendContext context) => Refuse((T)content, context);

    protected abstract T Check(T content, ChatOptions limits, FieldErrors errors);

    protected virtual Task<Result<T>> ResolveAsync(Guid senderId, T content, CancellationToken cancellationToken) =>
        Task.FromResult<Result<T>>(content);

    protected virtual Error? Refuse(T content, SendContext context) => null;
}
