using Hutong.Client;
using Hutong.Web.Session;

namespace Hutong.Web.Chats;

/// <summary>
/// Media fetched once per page load through the API client (the bearer token cannot ride on an img tag) and shown
/// from object URLs.
/// </summary>
public sealed class MediaCache(HutongClient api, Browser browser)
{
    private readonly Dictionary<string, Task<string?>> _urls = new(StringComparer.Ordinal);

    public Task<string?> UrlAsync(string mediaId)
    {
        if (!_urls.TryGetValue(mediaId, out var url))
        {
            _urls[mediaId] = url = LoadAsync(mediaId);
        }

        return url;
    }

    private async Task<string?> LoadAsync(string mediaId)
    {
        try
        {
            var (bytes, type) = await api.DownloadMediaAsync(mediaId);
            return await browser.ObjectUrlAsync(bytes, type);
        }
        catch (Exception e) when (e is HutongApiException or HttpRequestException)
        {
            // Shown as unavailable; a later page load tries again.
            _urls.Remove(mediaId);
            return null;
        }
    }
}
