using Hutong.Contracts.Events;
using Hutong.Web.Chats;
using Hutong.Web.Localization;
using Hutong.Web.Tests.Testing;

namespace Hutong.Web.Tests.Chats;

/// <summary>The lines a sender sees live about their own red packets.</summary>
public sealed class LocalNoteTests
{
    [Theory]
    [InlineData("en", "Lin opened your red packet", "Lin and 1 other opened your red packet", "Lin and 4 others opened your red packet", "¥1.50 of your red packet was returned")]
    [InlineData("zh", "Lin领取了你的红包", "Lin等2人领取了你的红包", "Lin等5人领取了你的红包", "你的红包未领完的 ¥1.50 已退回")]
    public void Note_PacketEvents_ReadAsSentences(string language, string opened, string openedByTwo, string openedByFive, string returned)
    {
        var s = language == "zh" ? Strings.Chinese : Strings.English;
        var people = Sample.People(("u-lin", "Lin"));

        Assert.Equal(opened, MessageText.Note(new LocalNote(3, UserEventKinds.RedPacketOpened, "u-lin", 1), "u-me", people, s, "CNY"));
        Assert.Equal(openedByTwo, MessageText.Note(new LocalNote(3, UserEventKinds.RedPacketOpened, "u-lin", 2), "u-me", people, s, "CNY"));
        Assert.Equal(openedByFive, MessageText.Note(new LocalNote(3, UserEventKinds.RedPacketOpened, "u-lin", 5), "u-me", people, s, "CNY"));
        Assert.Equal(returned, MessageText.Note(new LocalNote(3, UserEventKinds.RedPacketReturned, null, 150), "u-me", people, s, "CNY"));
    }
}
