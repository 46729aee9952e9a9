using System.Text.Json;
using Hutong.Client;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.Gateway;
using Hutong.Web.Session;

namespace Hutong.Web.Chats;

/// <summary>
/// The gateway's outbox in local storage, per person (<c>hutong.outbox.{userId}</c>), so a send made offline or just
/// before a reload goes out after it; someone else signing in on this browser never sends what the last person left.
/// </summary>
internal sealed class BrowserOutbox(Browser browser, string userId) : IOutboxStore
{
    private string Key => "hutong.outbox." + userId;

    public async ValueTask<IReadOnlyList<SendFrame>> LoadAsync(CancellationToken cancellationToken)
    {
        if (await browser.GetAsync(Key) is not { Length: > 0 } json)
        {
            return [];
        }

        try
        {
            var saved = JsonSerializer.Deserialize(json, WebJsonContext.Default.SendFrameArray) ?? [];
            // A send saved by an older version has no content this one can send: it is dropped, as unreadable ones are.
            return [.. saved.Where(f => f.Message?.ClientMsgId is not null && f.Message.Content is not (null or UnknownContent))];
        }
        catch (JsonException)
        {
            // Left by an older version of the app, in a shape this one does not read.
            return [];
        }
    }

    public ValueTask SaveAsync(IReadOnlyList<SendFrame> outbox, CancellationToken cancellationToken) =>
        browser.SetAsync(Key, outbox.Count == 0 ? null : JsonSerializer.Serialize(outbox.ToArray(), WebJsonContext.Default.SendFrameArray));
}
