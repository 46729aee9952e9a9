using System.Net.Http.Headers;
using Hutong.Contracts.Accounts;

namespace Hutong.Client;

/// <summary>The caller's own account: password, avatar, export, deletion.</summary>
public sealed partial class HutongClient
{
    /// <summary>Changes the password; with <paramref name="signOutOtherDevices"/>, every other device is signed out.</summary>
    public Task ChangePasswordAsync(string currentPassword, string newPassword, bool signOutOtherDevices, CancellationToken cancellationToken = default) =>
        SendNoContentAsync(HttpMethod.Put, "api/v1/me/password", new ChangePasswordRequest(currentPassword, newPassword, signOutOtherDevices), Json.ChangePasswordRequest, cancellationToken);

    /// <summary>Makes an image (cropped square by the caller) the avatar; answers where it is served.</summary>
    public async Task<AvatarResponse> UploadAvatarAsync(Stream image, string fileName, CancellationToken cancellationToken = default)
    {
        using var form = new MultipartFormDataContent();
        var file = new StreamContent(image);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Put, "api/v1/me/avatar") { Content = form };
        using var response = await SendRawAsync(request, cancellationToken);
        return await ReadAsync(response, Json.AvatarResponse, cancellationToken);
    }

    public Task ClearAvatarAsync(CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, "api/v1/me/avatar", cancellationToken);

    /// <summary>The caller's own data as one JSON document.</summary>
    public async Task<byte[]> ExportAsync(CancellationToken cancellationToken = default) =>
        (await GetBytesAsync("api/v1/me/export", cancellationToken)).Bytes;

    /// <summary>Deletes the account after its password; the wallet must be empty. This device is signed out too.</summary>
    public Task DeleteAccountAsync(string password, CancellationToken cancellationToken = default) =>
        SendNoContentAsync(HttpMethod.Delete, "api/v1/me", new DeleteAccountRequest(password), Json.DeleteAccountRequest, cancellationToken);
}
