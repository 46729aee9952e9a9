using Hutong.Web.Chats;
using Hutong.Web.Localization;

namespace Hutong.Web.Moments;

/// <summary>When a post or status was made: the clock today, else the day as the chats list says it and the clock.</summary>
public static class MomentTimes
{
    public static string When(DateTimeOffset at, DateTimeOffset now, Strings s)
    {
        var day = Times.ListTime(at, now, s);
        var clock = Times.Clock(at);
        return day == clock ? clock : $"{day} {clock}";
    }
}
