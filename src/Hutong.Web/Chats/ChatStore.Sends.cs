using Hutong.Client;
using Hutong.Contracts.Chat;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.Gateway;
using Hutong.Web.Shared;
using Microsoft.JSInterop;

namespace Hutong.Web.Chats;

/// <summary>
/// Sends: shown at once as echoes and handed to the gateway's outbox under a client message id; the gateway keeps them
/// (in local storage, through <see cref="BrowserOutbox"/>) and sends them until acknowledged.
/// </summary>
public sealed partial class ChatStore
{
    /// <summary>Sends text (with an optional quote and mentions); it shows at once and goes out when it can.</summary>
    public Task SendTextAsync(string conversationId, string text, long? replyToSeq, IReadOnlyList<string>? mentions, bool mentionsAll)
    {
        var frame = new SendFrame(conversationId, new SendMessageRequest(
            ClientMsgIds.New(), new TextContent(text, mentions is { Count: > 0 } ? mentions : null, mentionsAll), replyToSeq));
        return SendFrameAsync(frame, Echo(frame.Message));
    }

    /// <summary>
    /// Sends content that names what it shares (an article card), which the node fills in itself; it shows at once and
    /// goes out when it can, as text does.
    /// </summary>
    public Task SendContentAsync(string conversationId, MessageContent content)
    {
        var frame = new SendFrame(conversationId, new SendMessageRequest(ClientMsgIds.New(), content));
        return SendFrameAsync(frame, Echo(frame.Message));
    }

    /// <summary>
    /// Uploads a file, reporting progress on its echo, then sends it as an image or a file. <paramref name="open"/> reads
    /// the file from its start, each time it is called: a retry of a failed upload reads it again.
    /// </summary>
    public Task SendFileAsync(string conversationId, Func<Stream> open, string fileName, long size, string? previewUrl)
    {
        // No upload to name yet: the echo shows the file's name, or its local preview.
        MessageContent content = previewUrl is null ? new FileContent(MediaId: "", FileName: fileName) : new ImageContent(MediaId: "", FileName: fileName);
        var echo = new OutgoingMessage(ClientMsgIds.New(), content, null, clock.GetUtcNow()) { PreviewUrl = previewUrl };
        _uploads[echo.ClientMsgId] = new PendingUpload(conversationId, open, fileName, size);
        _timelines.GetValueOrDefault(conversationId)?.AddOutgoing(echo);
        return UploadAsync(echo);
    }

    /// <summary>Sends a failed message again under its first client message id, or uploads its file again if that failed.</summary>
    public Task RetryAsync(string conversationId, OutgoingMessage echo) =>
        _uploads.ContainsKey(echo.ClientMsgId) ? UploadAsync(echo)
        : _sends.TryGetValue(echo.ClientMsgId, out var send) ? SendFrameAsync(send.Frame, echo)
        : Task.CompletedTask;

    /// <summary>Forgets a failed send (a refused one has already left the gateway's outbox) or a failed upload.</summary>
    public Task DiscardAsync(string conversationId, OutgoingMessage echo)
    {
        _timelines.GetValueOrDefault(conversationId)?.RemoveOutgoing(echo.ClientMsgId);
        _sends.Remove(echo.ClientMsgId);
        _uploads.Remove(echo.ClientMsgId);
        Changed?.Invoke();
        return Task.CompletedTask;
    }

    private async Task UploadAsync(OutgoingMessage echo)
    {
        var id = echo.ClientMsgId;
        var upload = _uploads[id];
        echo.State = OutgoingState.Uploading;
        echo.Progress = 0;
        echo.Failure = null;
        echo.CanRetry = false;
        Changed?.Invoke();
        MediaUploaded uploaded;
        try
        {
            await using var content = new ProgressStream(upload.Open(), upload.Size, fraction =>
            {
                echo.Progress = fraction;
                Changed?.Invoke();
            });
            uploaded = await api.UploadMediaAsync(content, upload.FileName);
        }
        catch (Exception e) when (e is HutongApiException or HttpRequestException)
        {
            Fail(echo, e);
            if (!Problem.CanRetry(e))
            {
                _uploads.Remove(id);
            }

            Changed?.Invoke();
            return;
        }
        catch (Exception e) when (e is IOException or JSException)
        {
            // The file cannot be read again (another was picked since): only picking it again sends it.
            _uploads.Remove(id);
            echo.State = OutgoingState.Failed;
            Changed?.Invoke();
            return;
        }

        _uploads.Remove(id);
        MessageContent sent = uploaded.ContentType.StartsWith("image/", StringComparison.Ordinal) ? new ImageContent(uploaded.MediaId, FileName: upload.FileName)
            : uploaded.ContentType.StartsWith("video/", StringComparison.Ordinal) ? new VideoContent(uploaded.MediaId, FileName: upload.FileName)
            : new FileContent(uploaded.MediaId, upload.FileName);
        echo.State = OutgoingState.Sending;
        echo.Progress = 1;
        _timelines.GetValueOrDefault(upload.ConversationId)?.RemoveOutgoing(id);
        var frame = new SendFrame(upload.ConversationId, new SendMessageRequest(id, sent));
        await SendFrameAsync(frame, echo);
    }

    /// <summary>
    /// Marks the echo failed. Retry is offered only where sending again may succeed, and after a limit only once the
    /// wait the server named is over.
    /// </summary>
    private void Fail(OutgoingMessage echo, Exception error)
    {
        echo.State = OutgoingState.Failed;
        echo.Failure = error;
        echo.CanRetry = false;
        if (!Problem.CanRetry(error))
        {
            return;
        }

        if (Problem.RetryAfter(error) is { } wait)
        {
            _ = OfferRetryAfterAsync(echo, error, wait);
        }
        else
        {
            echo.CanRetry = true;
        }
    }

    private async Task OfferRetryAfterAsync(OutgoingMessage echo, Exception error, TimeSpan wait)
    {
        await Task.Delay(wait, clock);
        // Unless it was retried or discarded meanwhile.
        if (echo.State == OutgoingState.Failed && ReferenceEquals(echo.Failure, error))
        {
            echo.CanRetry = true;
            Changed?.Invoke();
        }
    }

    /// <summary>The echo a send shows until its message arrives.</summary>
    private OutgoingMessage Echo(SendMessageRequest message) =>
        new(message.ClientMsgId, message.Content!, message.ReplyToSeq, clock.GetUtcNow());

    /// <summary>Shows the send and hands it to the gateway; its echo follows the outcome.</summary>
    private async Task SendFrameAsync(SendFrame frame, OutgoingMessage echo)
    {
        var conversationId = frame.ConversationId;
        echo.State = OutgoingState.Sending;
        echo.Failure = null;
        echo.CanRetry = false;
        var timeline = _timelines.GetValueOrDefault(conversationId);
        if (timeline is not null && timeline.FindOutgoing(echo.ClientMsgId) is null)
        {
            timeline.AddOutgoing(echo);
        }

        _sends[frame.Message.ClientMsgId] = new ShownSend(frame, echo);
        Changed?.Invoke();
        if (_gateway is not { } gateway)
        {
            // Not started: there is nothing to send through yet.
            return;
        }

        try
        {
            var ack = await gateway.SendAsync(conversationId, frame.Message);
            _sends.Remove(frame.Message.ClientMsgId);
            // The message event may come before or after the ack; whichever is later finds the echo gone. The chat
            // may have opened meanwhile (a send restored after a reload), so its timeline is looked up now.
            if (_timelines.GetValueOrDefault(conversationId) is { } shown && shown.Newest >= ack.Seq)
            {
                shown.RemoveOutgoing(echo.ClientMsgId);
            }
        }
        catch (HutongApiException e)
        {
            Fail(echo, e);
        }
        catch (OperationCanceledException)
        {
            // Signed out while it waited: the gateway's outbox keeps it for this person's next session on this browser.
        }

        Changed?.Invoke();
    }

    /// <summary>A file on its way up, kept until it is sent or discarded, so a failed upload can be tried again.</summary>
    private sealed record PendingUpload(string ConversationId, Func<Stream> Open, string FileName, long Size);

    /// <summary>
    /// A send as the chat shows it, from the send (or its restore after a reload) until it is acknowledged: its echo,
    /// for a chat that opens meanwhile, and, once refused, its frame for Retry until it is discarded. The gateway's
    /// outbox, not this, is what keeps and resends it.
    /// </summary>
    private sealed record ShownSend(SendFrame Frame, OutgoingMessage Echo);
}
