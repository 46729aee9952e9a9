using Hutong.Contracts.Chat.Content;
using Hutong.Web.Chats;
using Hutong.Web.Tests.Testing;

namespace Hutong.Web.Tests.Chats;

public sealed class MentionPartsTests
{
    private static readonly Hutong.Web.Contacts.People People = Sample.People(("u-mei", "Mei"), ("u-meilin", "Mei Lin"), ("u-lin", "Lin"));

    [Fact]
    public void Split_MessageWithoutMentions_IsOnePlainPart()
    {
        var message = Sample.Text(1, "hi @Mei");

        var parts = MentionParts.Split((TextContent)message.Content!, People);

        Assert.Equal([new MentionParts.Part("hi @Mei", false)], parts);
    }

    [Fact]
    public void Split_MentionedName_BecomesAMentionBetweenPlainParts()
    {
        var message = Sample.Text(1, "hi @Mei, tea?", mentions: ["u-mei"]);

        var parts = MentionParts.Split((TextContent)message.Content!, People);

        Assert.Equal(
            [new MentionParts.Part("hi ", false), new MentionParts.Part("@Mei", true), new MentionParts.Part(", tea?", false)],
            parts);
    }

    [Fact]
    public void Split_NamesSharingAPrefix_LongestNameWins()
    {
        var message = Sample.Text(1, "@Mei Lin and @Mei", mentions: ["u-mei", "u-meilin"]);

        var parts = MentionParts.Split((TextContent)message.Content!, People);

        Assert.Equal(
            [new MentionParts.Part("@Mei Lin", true), new MentionParts.Part(" and ", false), new MentionParts.Part("@Mei", true)],
            parts);
    }

    [Fact]
    public void Split_MentionsAll_MarksTheAllToken()
    {
        var message = Sample.Text(1, "@all dinner at 7", mentionsAll: true);

        var parts = MentionParts.Split((TextContent)message.Content!, People);

        Assert.Equal([new MentionParts.Part(Composer.AllToken, true), new MentionParts.Part(" dinner at 7", false)], parts);
    }

    [Fact]
    public void Split_NameNotAmongTheMentions_StaysPlain()
    {
        var message = Sample.Text(1, "@Lin ask @Mei", mentions: ["u-mei"]);

        var parts = MentionParts.Split((TextContent)message.Content!, People);

        Assert.Equal([new MentionParts.Part("@Lin ask ", false), new MentionParts.Part("@Mei", true)], parts);
    }

    [Fact]
    public void Split_AnyMessage_PartsJoinBackToTheText()
    {
        var message = Sample.Text(1, "@Mei@Lin @Mei Lin@@all x", mentions: ["u-mei", "u-lin", "u-meilin"], mentionsAll: true);

        var parts = MentionParts.Split((TextContent)message.Content!, People);

        Assert.Equal(message.Text(), string.Concat(parts.Select(p => p.Text)));
        Assert.Equal(["@Mei", "@Lin", "@Mei Lin", "@all"], parts.Where(p => p.Mention).Select(p => p.Text));
    }
}
