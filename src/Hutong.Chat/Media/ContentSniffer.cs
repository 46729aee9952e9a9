namespace Hutong.Chat.Media;

/// <summary>
/// Tells what a file is from its first bytes. The type a client declares is never trusted: a page could otherwise be
/// served as an image, or a script as audio.
/// </summary>
public static class ContentSniffer
{
    public const int HeadBytes = 16;
    public const string Unknown = "application/octet-stream";

    public static string Sniff(ReadOnlySpan<byte> head) => head switch
    {
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        [(byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'7' or (byte)'9', (byte)'a', ..] => "image/gif",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => "image/webp",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'A', (byte)'V', (byte)'E', ..] => "audio/wav",
        [_, _, _, _, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'M', (byte)'4', (byte)'A', ..] => "audio/mp4",
        [_, _, _, _, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'q', (byte)'t', ..] => "video/quicktime",
        [_, _, _, _, (byte)'f', (byte)'t', (byte)'y', (byte)'p', ..] => "video/mp4",
        [0x1A, 0x45, 0xDF, 0xA3, ..] => "video/webm",
        [(byte)'O', (byte)'g', (byte)'g', (byte)'S', ..] => "audio/ogg",
        [(byte)'I', (byte)'D', (byte)'3', ..] => "audio/mpeg",
        [0xFF, 0xFB or 0xF3 or 0xF2, ..] => "audio/mpeg",
        [(byte)'#', (byte)'!', (byte)'A', (byte)'M', (byte)'R', ..] => "audio/amr",
        [(byte)'%', (byte)'P', (byte)'D', (byte)'F', ..] => "application/pdf",
        [(byte)'P', (byte)'K', 0x03, 0x04, ..] => "application/zip",
        _ => Unknown,
    };
}
