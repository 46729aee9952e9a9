using Hutong.Client;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Web.Chats;
using Hutong.Web.Shared;

namespace Hutong.Web.OfficialAccounts;

/// <summary>
/// The follower's messages to an account: shown at once as echoes (as chats show theirs), sent over HTTP under a client
/// id, so sending again after a failure never stores it twice. An image goes up first, with its progress.
/// </summary>
public sealed partial class OfficialAccountsStore
{
    private readonly Dictionary<string, PendingSend> _sends = new(StringComparer.Ordinal);

    public Task SendTextAsync(string accountId, string text)
    {
        var echo = new OutgoingMessage(ClientMsgIds.New(), new TextContent(text), null, clock.GetUtcNow());
        return SendAsync(new PendingSend(accountId, echo, null));
    }

    /// <summary>Uploads an image (read once by the composer) and sends it; <paramref name="previewUrl"/> shows meanwhile.</summary>
    public Task SendImageAsync(string accountId, byte[] bytes, string fileName, string? previewUrl)
    {
        var echo = new OutgoingMessage(ClientMsgIds.New(), new ImageContent(MediaId: "", FileName: fileName), null, clock.GetUtcNow()) { PreviewUrl = previewUrl };
        return SendAsync(new PendingSend(accountId, echo, new PendingImage(bytes, fileName)));
    }

    /// <summary>Sends a failed message again under its first client id (uploading its image again if that failed).</summary>
    public Task RetryAsync(OutgoingMessage echo) =>
        _sends.TryGetValue(echo.ClientMsgId, out var send) ? SendAsync(send) : Task.CompletedTask;

    public void Discard(string accountId, OutgoingMessage echo)
    {
        _sends.Remove(echo.ClientMsgId);
        _timelines.GetValueOrDefault(accountId)?.RemoveOutgoing(echo.ClientMsgId);
        Changed?.Invoke();
    }

    private async Task SendAsync(PendingSend send)
    {
        var echo = send.Echo;
        _sends[echo.ClientMsgId] = send;
        echo.Failure = null;
        echo.CanRetry = false;
        _timelines.GetValueOrDefault(send.AccountId)?.AddOutgoing(echo);
        try
        {
            var content = send.Content;
            if (content is null && send.Image is { } image)
            {
                echo.State = OutgoingState.Uploading;
                echo.Progress = 0;
                Changed?.Invoke();
                await using var stream = new ProgressStream(new MemoryStream(image.Bytes), image.Bytes.Length, fraction =>
                {
                    echo.Progress = fraction;
                    Changed?.Invoke();
                });
                var uploaded = await api.UploadMediaAsync(stream, image.FileName, "image");
                content = new ImageContent(uploaded.MediaId, FileName: image.FileName);
                // An upload is not made twice: a retry from here sends the same image.
                _sends[echo.ClientMsgId] = send = send with { Content = content };
            }

            echo.State = OutgoingState.Sending;
            Changed?.Invoke();
            var sent = await api.SendToAccountAsync(send.AccountId, new SendToAccountRequest(echo.ClientMsgId, content ?? echo.Content));
            _sends.Remove(echo.ClientMsgId);
            _timelines.GetValueOrDefault(send.AccountId)?.RemoveOutgoing(echo.ClientMsgId);
            await OnMessageAsync(sent);
        }
        catch (Exception e) when (e is HutongApiException or HttpRequestException)
        {
            echo.State = OutgoingState.Failed;
            echo.Failure = e;
            echo.CanRetry = Problem.CanRetry(e);
            Changed?.Invoke();
        }
    }

    /// <summary>A send as the thread shows it until stored: its echo, and the image still to upload (or its content, once up).</summary>
    private sealed record PendingSend(string AccountId, OutgoingMessage Echo, PendingImage? Image)
    {
        public MessageContent? Content { get; init; } = Image is null ? Echo.Content : null;
    }

    private sealed record PendingImage(byte[] Bytes, string FileName);
}
