namespace Hutong.Chat.Media;

/// <summary>
/// Whether a video keeps to a limit of whole seconds. A clip recorded up to the limit (a browser stops its recorder on
/// a timer) runs a few frames over it, so lengths count as their nearest whole second: 15.4 s keeps to 15, 15.5 s does
/// not, and a 16-second clip never does.
/// </summary>
public static class VideoLength
{
    public static bool Exceeds(int durationMs, int maxSeconds) => Math.Round(durationMs / 1000.0, MidpointRounding.AwayFromZero) > maxSeconds;
}
