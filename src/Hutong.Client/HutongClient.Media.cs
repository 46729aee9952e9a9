using System.Net.Http.Headers;
using Hutong.Contracts.Chat;

namespace Hutong.Client;

/// <summary>Uploads and downloads of media.</summary>
public sealed partial class HutongClient
{
    /// <summary>Uploads a file; the server decides its type from its bytes.</summary>
    public Task<MediaUploaded> UploadMediaAsync(Stream content, string fileName, CancellationToken cancellationToken = default) =>
        UploadAsync(content, fileName, "api/v1/media", cancellationToken);

    /// <summary>
    /// Uploads a file meant as <paramref name="as"/> (<see cref="MediaUploadKinds"/>), which the server refuses unless
    /// the bytes are that kind of media; <paramref name="maxSeconds"/> also limits a video's length.
    /// </summary>
    public Task<MediaUploaded> UploadMediaAsync(Stream content, string fileName, string @as, int? maxSeconds = null, CancellationToken cancellationToken = default) =>
        UploadAsync(
            content, fileName,
            $"api/v1/media?as={Escape(@as)}" + (maxSeconds is { } seconds ? $"&maxSeconds={seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : ""),
            cancellationToken);

    /// <summary>The bytes of an upload and their type, if the caller may see it.</summary>
    public Task<(byte[] Bytes, string? ContentType)> DownloadMediaAsync(string mediaId, CancellationToken cancellationToken = default) =>
        GetBytesAsync($"api/v1/media/{Escape(mediaId)}", cancellationToken);

    private async Task<MediaUploaded> UploadAsync(Stream content, string fileName, string path, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent();
        var file = new StreamContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = form };
        using var response = await SendRawAsync(request, cancellationToken);
        return await ReadAsync(response, Json.MediaUploaded, cancellationToken);
    }
}
