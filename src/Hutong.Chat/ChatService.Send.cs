using Hutong.Chat.Conversations;
using Hutong.Chat.Messages;
using Hutong.Contracts.Chat;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.Core.Text;

namespace Hutong.Chat;

/// <summary>Sending: what each kind of message must carry, checked before the conversation takes it.</summary>
public sealed partial class ChatService
{
    public async Task<Result<SendMessageResponse>> SendAsync(Guid me, Guid conversationId, SendMessageRequest request, CancellationToken cancellationToken)
    {
        var command = ToCommand(me, request, Limits);
        if (!command.IsSuccess)
        {
            return command.Error;
        }

        if (sendLimiter.Refuse(me) is { } tooFast)
        {
            return tooFast;
        }

        var sent = await grains.GetGrain<IConversationGrain>(conversationId).SendAsync(command.Value);
        return sent.IsSuccess ? new SendMessageResponse(sent.Value.Seq, sent.Value.SentAt) : sent.Error;
    }

    /// <summary>Checks a send that needs no one's state: the one set of rules for HTTP and the gateway alike.</summary>
    internal static Result<SendCommand> ToCommand(Guid me, SendMessageRequest request, ChatOptions limits)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(request.ClientMsgId) || request.ClientMsgId.Length > MaxClientMsgIdLength)
        {
            errors.Add("clientMsgId", $"clientMsgId is 1 to {MaxClientMsgIdLength} characters chosen by the device.");
        }

        var kind = ChatWire.ParseSendableKind(request.Kind);
        if (kind is null)
        {
            errors.Add("kind", "kind is text, image, voice, video, file, location or card.");
        }

        if (kind == MessageKind.Text && string.IsNullOrWhiteSpace(request.Text))
        {
            errors.Add("text", "A message has text.");
        }
        else if (kind is not null and not MessageKind.Text && request.Text is not null)
        {
            errors.Add("text", "Only text messages carry text.");
        }
        else if (request.Text?.Length > limits.MaxTextLength)
        {
            errors.Add("text", $"A message has at most {limits.MaxTextLength} characters.");
        }
        else if (request.Text is { } text && NameText.HasControlInMessage(text))
        {
            errors.Add("text", "A message cannot contain control characters other than tabs and line breaks.");
        }

        Guid? mediaId = null;
        if (kind is MessageKind.Image or MessageKind.Voice or MessageKind.Video or MessageKind.File)
        {
            if (Ids.TryParse(request.MediaId, out var parsed))
            {
                mediaId = parsed;
            }
            else
            {
                errors.Add("mediaId", "A media message carries the mediaId of an upload.");
            }
        }

        if (request.FileName?.Length > 255 || request.FileName?.Any(c => char.IsControl(c) || c is '/' or '\\') == true)
        {
            errors.Add("fileName", "A file name has at most 255 characters and no path.");
        }

        if (kind == MessageKind.Voice && (request.DurationMs is not { } ms || ms < 1 || ms > limits.MaxVoiceDuration.TotalMilliseconds))
        {
            errors.Add("durationMs", $"A voice message lasts 1 ms to {limits.MaxVoiceDuration.TotalSeconds:0} seconds.");
        }

        LocationData? location = null;
        if (kind == MessageKind.Location)
        {
            if (request.Location is not { } place || place.Latitude is < -90 or > 90 || place.Longitude is < -180 or > 180
                || double.IsNaN(place.Latitude) || double.IsNaN(place.Longitude) || place.Name?.Length > 100 || place.Address?.Length > 200)
            {
                errors.Add("location", "A location has a latitude (-90 to 90), a longitude (-180 to 180), and a short name and address.");
            }
            else
            {
                location = new LocationData(place.Latitude, place.Longitude, place.Name, place.Address);
            }
        }

        Guid? cardUserId = null;
        if (kind == MessageKind.Card)
        {
            if (Ids.TryParse(request.CardUserId, out var card))
            {
                cardUserId = card;
            }
            else
            {
                errors.Add("cardUserId", "A contact card names a person by user id.");
            }
        }

        var mentions = new List<Guid>();
        foreach (var id in request.Mentions ?? [])
        {
            if (Ids.TryParse(id, out var parsed))
            {
                mentions.Add(parsed);
            }
            else
            {
                errors.Add("mentions", $"'{id}' is not a user id.");
            }
        }

        if (request.ReplyToSeq is <= 0)
        {
            errors.Add("replyToSeq", "replyToSeq is a message's seq.");
        }

        return errors.Any
            ? errors.ToError()
            : new SendCommand(
                me, request.ClientMsgId, request.Text, request.ReplyToSeq, mentions.Distinct().ToList(), request.MentionsAll ?? false,
                kind!.Value, mediaId, request.FileName, request.DurationMs, location, cardUserId);
    }
}
