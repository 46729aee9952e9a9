using System.Text.Json;
using Hutong.MiniPrograms.Stories;

namespace Hutong.MiniPrograms.Tests.Stories;

/// <summary>The image and ending tags the node reads from a compiled story, in both of inkjs's tag formats.</summary>
public sealed class StoryTagsTests
{
    [Fact]
    public void Tags_AreReadInTheOrderWritten_FromTheCurrentFormat()
    {
        using var story = JsonDocument.Parse(Story.Compiled);

        var tags = StoryTags.Of(story.RootElement.GetProperty("root"));

        Assert.Equal(["image: 茶壶", "ending: Green", "ending: 红茶"], tags);
    }

    [Fact]
    public void Tags_OfTheOlderFormat_AndTagsSplitAcrossStrings_AreRead()
    {
        using var story = JsonDocument.Parse("""[{"#": "ending: Old"}, ["#", "^image: ", "^hall", "/#", "^not a tag: x"]]""");

        Assert.Equal(["ending: Old", "image: hall"], StoryTags.Of(story.RootElement));
    }

    [Theory]
    [InlineData("image: hall", "image", "hall")]
    [InlineData("  Image :  大厅 ", "image", "大厅")]
    [InlineData("ending: The detective", "ending", "The detective")]
    [InlineData("ending:", "ending", null)]
    [InlineData("imagery: x", "image", null)]
    [InlineData("mood: calm", "image", null)]
    public void Named_GivesTheNameAfterTheKind(string tag, string kind, string? name) =>
        Assert.Equal(name, StoryTags.Named(tag, kind));
}
