namespace Hutong.Contracts.Chat;

/// <summary>
/// What a client means an upload as: <c>POST /api/v1/media?as=video</c>. The bytes must then be that kind of media,
/// readable by the node; without <c>as</c> any file is taken.
/// </summary>
public static class MediaUploadKinds
{
    /// <summary>A JPEG, PNG, WebP or GIF picture the node can read.</summary>
    public const string Image = "image";

    /// <summary>An MP4, QuickTime or WebM video with a picture the node can read; <c>maxSeconds</c> may limit its length.</summary>
    public const string Video = "video";
}
