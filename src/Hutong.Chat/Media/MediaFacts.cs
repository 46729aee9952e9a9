namespace Hutong.Chat.Media;

/// <summary>
/// What ffprobe read from an upload. The picture is the first video stream that is not a cover picture: its
/// <see cref="StreamIndex"/>, <see cref="Codec"/> and size as it shows (a phone video turned a quarter is taller than
/// wide). <see cref="DurationMs"/> is the container's length, or failing that its last frame's end.
/// </summary>
public sealed record MediaFacts(string Format, int? StreamIndex, string? Codec, int? Width, int? Height, bool HasAudio, int? DurationMs)
{
    public bool HasPicture => StreamIndex is not null;
}
