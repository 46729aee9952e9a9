using System.Text.Json;
using Hutong.Client;
using Hutong.Contracts.Chat;
using Hutong.Contracts.Gateway;

namespace Hutong.Web.Chats;

/// <summary>Sends: shown at once as echoes, sent over the gateway under a client message id, and kept in local storage until acknowledged.</summary>
public sealed partial class ChatStore
{
    /// <summary>Sends text (with an optional quote and mentions); it shows at once and goes out when it can.</summary>
    public Task SendTextAsync(string conversationId, string text, long? replyToSeq, IReadOnlyList<string>? mentions, bool mentionsAll)
    {
        var frame = new ClientFrame(FrameTypes.Send, ConversationId: conversationId, ClientMsgId: NewId(), Kind: MessageKinds.Text,
            Text: text, ReplyToSeq: replyToSeq, Mentions: mentions is { Count: > 0 } ? mentions : null, MentionsAll: mentionsAll ? true : null);
        var echo = new OutgoingMessage(frame.ClientMsgId!, MessageKinds.Text, text, replyToSeq, clock.GetUtcNow());
        return SendFrameAsync(conversationId, frame, echo);
    }

    /// <summary>Uploads a file, reporting progress on its echo, then sends it as an image or a file.</summary>
    public async Task SendFileAsync(string conversationId, Stream content, string fileName, long size, string? previewUrl)
    {
        var id = NewId();
        var echo = new OutgoingMessage(id, previewUrl is null ? MessageKinds.File : MessageKinds.Image, null, null, clock.GetUtcNow())
        {
            State = OutgoingState.Uploading,
            FileName = fileName,
            PreviewUrl = previewUrl,
        };
        var timeline = _timelines.GetValueOrDefault(conversationId);
        timeline?.AddOutgoing(echo);
        Changed?.Invoke();
        MediaUploaded uploaded;
        try
        {
            var progress = new ProgressStream(content, size, fraction =>
            {
                echo.Progress = fraction;
                Changed?.Invoke();
            });
            uploaded = await api.UploadMediaAsync(progress, fileName);
        }
        catch (Exception e) when (e is HutongApiException or HttpRequestException)
        {
            echo.State = OutgoingState.Failed;
            echo.ErrorCode = (e as HutongApiException)?.Code ?? "offline";
            Changed?.Invoke();
            return;
        }

        var kind = uploaded.ContentType.StartsWith("image/", StringComparison.Ordinal) ? MessageKinds.Image
            : uploaded.ContentType.StartsWith("video/", StringComparison.Ordinal) ? MessageKinds.Video
            : MessageKinds.File;
        echo.State = OutgoingState.Sending;
        echo.Progress = 1;
        timeline?.RemoveOutgoing(id);
        var frame = new ClientFrame(FrameTypes.Send, ConversationId: conversationId, ClientMsgId: id, Kind: kind, MediaId: uploaded.MediaId, FileName: fileName);
        await SendFrameAsync(conversationId, frame, echo);
    }

    /// <summary>Sends a refused or failed message again, under its first client message id.</summary>
    public Task RetryAsync(string conversationId, OutgoingMessage echo) =>
        _outbox.TryGetValue(echo.ClientMsgId, out var frame) ? SendFrameAsync(conversationId, frame, echo) : Task.CompletedTask;

    public async Task DiscardAsync(string conversationId, OutgoingMessage echo)
    {
        _timelines.GetValueOrDefault(conversationId)?.RemoveOutgoing(echo.ClientMsgId);
        _outbox.Remove(echo.ClientMsgId);
        await SaveOutboxAsync();
        Changed?.Invoke();
    }

    private async Task SendFrameAsync(string conversationId, ClientFrame frame, OutgoingMessage echo)
    {
        echo.State = OutgoingState.Sending;
        echo.ErrorCode = null;
        var timeline = _timelines.GetValueOrDefault(conversationId);
        if (timeline is not null && timeline.FindOutgoing(echo.ClientMsgId) is null)
        {
            timeline.AddOutgoing(echo);
        }

        _outbox[frame.ClientMsgId!] = frame;
        await SaveOutboxAsync();
        Changed?.Invoke();
        if (_gateway is null)
        {
            return;
        }

        try
        {
            var ack = await _gateway.SendAsync(frame);
            _outbox.Remove(frame.ClientMsgId!);
            await SaveOutboxAsync();
            // The message event may come before or after the ack; whichever is later finds the echo gone.
            if (timeline is not null && timeline.Newest >= ack.Seq)
            {
                timeline.RemoveOutgoing(echo.ClientMsgId);
            }
        }
        catch (HutongApiException e)
        {
            echo.State = OutgoingState.Failed;
            echo.ErrorCode = e.Code;
        }
        catch (OperationCanceledException)
        {
            // Signed out while it waited: the outbox keeps it for this person's next session on this browser.
        }

        Changed?.Invoke();
    }

    /// <summary>Per person: someone else signing in on this browser never sends what the last person left.</summary>
    private string OutboxKey => "hutong.outbox." + session.Me?.UserId;

    private async Task LoadOutboxAsync()
    {
        _outbox.Clear();
        if (await browser.GetAsync(OutboxKey) is { Length: > 0 } json)
        {
            foreach (var frame in JsonSerializer.Deserialize(json, WebJsonContext.Default.ClientFrameArray) ?? [])
            {
                _outbox[frame.ClientMsgId!] = frame;
            }
        }
    }

    private async Task SaveOutboxAsync() =>
        await browser.SetAsync(OutboxKey, _outbox.Count == 0 ? null : JsonSerializer.Serialize(_outbox.Values.ToArray(), WebJsonContext.Default.ClientFrameArray));

    private static string NewId() => Guid.NewGuid().ToString("N");
}
