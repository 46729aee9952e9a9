using Hutong.Web.Chats;
using Hutong.Web.Localization;

namespace Hutong.Web.Tests.Chats;

/// <summary>
/// Times are shown in the machine's time zone, so every instant here is built from a local wall-clock time: the
/// expectations hold in any zone the tests run in.
/// </summary>
public sealed class TimesTests
{
    /// <summary>Wednesday 18 March 2026, noon.</summary>
    private static readonly DateTimeOffset Now = Local(2026, 3, 18, 12, 0);

    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute)
    {
        var wallClock = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(wallClock, TimeZoneInfo.Local.GetUtcOffset(wallClock));
    }

    [Theory]
    [InlineData(0, 1, "00:01")]
    [InlineData(9, 5, "09:05")]
    [InlineData(11, 59, "11:59")]
    public void ListTime_Today_IsTheClock(int hour, int minute, string expected)
    {
        var at = Local(2026, 3, 18, hour, minute);

        var shown = Times.ListTime(at, Now, Strings.English);

        Assert.Equal(expected, shown);
    }

    [Fact]
    public void ListTime_SameInstantInAnotherZone_IsTheLocalClock()
    {
        var at = Local(2026, 3, 18, 9, 5).ToOffset(TimeSpan.FromHours(-11));

        var shown = Times.ListTime(at, Now, Strings.English);

        Assert.Equal("09:05", shown);
    }

    [Theory]
    [InlineData(23, 59)]
    [InlineData(0, 5)]
    public void ListTime_AnyTimeYesterday_IsYesterday(int hour, int minute)
    {
        var at = Local(2026, 3, 17, hour, minute);

        var shown = Times.ListTime(at, Now, Strings.English);

        Assert.Equal("Yesterday", shown);
    }

    [Theory]
    [InlineData(16, "Monday")]
    [InlineData(13, "Friday")]
    [InlineData(12, "Thursday")]
    public void ListTime_WithinAWeek_IsTheWeekday(int day, string expected)
    {
        var at = Local(2026, 3, day, 18, 30);

        var shown = Times.ListTime(at, Now, Strings.English);

        Assert.Equal(expected, shown);
    }

    [Fact]
    public void ListTime_WithinAWeekInChinese_IsTheChineseWeekday()
    {
        var at = Local(2026, 3, 13, 18, 30);

        var shown = Times.ListTime(at, Now, Strings.Chinese);

        Assert.Equal("星期五", shown);
    }

    [Theory]
    [InlineData(2026, 3, 11, "Mar 11", "3月11日")]
    [InlineData(2026, 1, 2, "Jan 2", "1月2日")]
    [InlineData(2025, 12, 30, "Dec 30, 2025", "2025年12月30日")]
    public void ListTime_AWeekOrMoreAgo_IsTheDateWithTheYearOnlyWhenItDiffers(int year, int month, int day, string english, string chinese)
    {
        var at = Local(year, month, day, 12, 0);

        var inEnglish = Times.ListTime(at, Now, Strings.English);
        var inChinese = Times.ListTime(at, Now, Strings.Chinese);

        Assert.Equal(english, inEnglish);
        Assert.Equal(chinese, inChinese);
    }

    [Theory]
    [InlineData(18, "Today")]
    [InlineData(17, "Yesterday")]
    [InlineData(14, "Saturday")]
    [InlineData(11, "Mar 11")]
    public void Day_SeparatorLabel_FollowsTheSameSteps(int day, string expected)
    {
        var shown = Times.Day(new DateTime(2026, 3, day), Now, Strings.English);

        Assert.Equal(expected, shown);
    }
}
