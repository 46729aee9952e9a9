using Hutong.Chat.Media;

namespace Hutong.Chat.Tests;

/// <summary>A clip recorded up to a limit runs a few frames over it and still keeps to it; a second over never does.</summary>
public sealed class VideoLengthTests
{
    [Theory]
    [InlineData(15_000, false)]
    [InlineData(15_020, false)]
    [InlineData(15_499, false)]
    [InlineData(15_500, true)]
    [InlineData(16_000, true)]
    [InlineData(400, false)]
    public void ALength_CountsAsItsNearestWholeSecond(int durationMs, bool exceeds) =>
        Assert.Equal(exceeds, VideoLength.Exceeds(durationMs, 15));
}
