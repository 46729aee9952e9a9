using Hutong.Chat.Conversations;
using Hutong.Chat.Messages;
using Hutong.Chat.Messages.Content;
using Hutong.Contracts.Chat;
using Hutong.Contracts.Chat.Content;
using Hutong.Core.Errors;

namespace Hutong.Chat;

/// <summary>Sending: what each kind of message must carry (its <see cref="IContentHandler"/>), checked before the conversation takes it.</summary>
public sealed partial class ChatService
{
    public async Task<Result<SendMessageResponse>> SendAsync(Guid me, Guid conversationId, SendMessageRequest request, CancellationToken cancellationToken)
    {
        var command = ToCommand(me, request, Limits, handlers);
        if (!command.IsSuccess)
        {
            return command.Error;
        }

        if (await sendLimiter.RefuseAsync(me) is { } tooFast)
        {
            return tooFast;
        }

        var sent = await grains.GetGrain<IConversationGrain>(conversationId).SendAsync(command.Value);
        return sent.IsSuccess ? new SendMessageResponse(sent.Value.Seq, sent.Value.SentAt) : sent.Error;
    }

    /// <summary>Checks a send that needs no one's state: the one set of rules for HTTP and the gateway alike.</summary>
    internal static Result<SendCommand> ToCommand(Guid me, SendMessageRequest request, ChatOptions limits, ContentHandlers handlers)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(request.ClientMsgId) || request.ClientMsgId.Length > MaxClientMsgIdLength)
        {
            errors.Add("clientMsgId", $"clientMsgId is 1 to {MaxClientMsgIdLength} characters chosen by the device.");
        }

        MessageContent? content = null;
        if (request.Content is null)
        {
            errors.Add("content", $"A message has content of a kind: {handlers.Sendable}.");
        }
        else if (handlers.Find(request.Content) is { } handler)
        {
            content = handler.Check(request.Content, limits, errors);
        }
        else
        {
            // Unknown kinds, and those only the wallet or the platform writes.
            errors.Add("kind", $"kind is {handlers.Sendable}.");
        }

        if (request.ReplyToSeq is <= 0)
        {
            errors.Add("replyToSeq", "replyToSeq is a message's seq.");
        }

        return errors.Any ? errors.ToError() : SendCommand.Of(me, request.ClientMsgId, content!, request.ReplyToSeq);
    }
}
