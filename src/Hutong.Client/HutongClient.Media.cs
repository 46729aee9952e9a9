using System.Net.Http.Headers;
using Hutong.Contracts.Chat;

namespace Hutong.Client;

/// <summary>Uploads and downloads of media.</summary>
public sealed partial class HutongClient
{
    /// <summary>Uploads a file; the server decides its type from its bytes.</summary>
    public async Task<MediaUploaded> UploadMediaAsync(Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        using var form = new MultipartFormDataContent();
        var file = new StreamContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/media") { Content = form };
        using var response = await SendRawAsync(request, cancellationToken);
        return await ReadAsync(response, Json.MediaUploaded, cancellationToken);
    }

    /// <summary>The bytes of an upload and their type, if the caller may see it.</summary>
    public Task<(byte[] Bytes, string? ContentType)> DownloadMediaAsync(string mediaId, CancellationToken cancellationToken = default) =>
        GetBytesAsync($"api/v1/media/{Escape(mediaId)}", cancellationToken);
}
