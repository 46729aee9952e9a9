using Hutong.Contracts.Social;
using Hutong.Web.Localization;
using Hutong.Web.Moments;

namespace Hutong.Web.Tests.Moments;

/// <summary>What the composer sends, and what it refuses before sending.</summary>
public sealed class PostDraftTests
{
    private static readonly SocialStrings S = SocialStrings.English;

    [Fact]
    public void Request_Public_SendsNoAudienceAndOnlyWhatWasGiven()
    {
        var draft = new PostDraft { Text = "  tea  " };

        var request = draft.Request("c-1");

        Assert.Equal(new CreatePostRequest("c-1", "tea"), request with { ImageIds = null });
        Assert.Null(request.ImageIds);
        Assert.Null(request.Audience);
        Assert.Null(request.Location);
    }

    [Fact]
    public void Request_ShareWith_NamesTheTagsAndPeopleChosen()
    {
        var draft = new PostDraft { Text = "tea", Audience = PostAudienceKinds.ShareWith, Location = " Houhai " };
        draft.Tags.Add("family");
        draft.People.Add("u-lin");
        draft.Images.Add(new PostUpload("a.jpg") { MediaId = "m-1" });
        draft.Images.Add(new PostUpload("b.jpg") { Error = "failed" });

        var request = draft.Request("c-1");

        Assert.Equal(PostAudienceKinds.ShareWith, request.Audience!.Kind);
        Assert.Equal(["family"], request.Audience.Tags!);
        Assert.Equal(["u-lin"], request.Audience.UserIds!);
        Assert.Equal(["m-1"], request.ImageIds!);
        Assert.Equal("Houhai", request.Location!.Name);
    }

    [Theory]
    [InlineData("", PostAudienceKinds.Public, false, "Write something, or add images or a video.")]
    [InlineData("tea", PostAudienceKinds.ShareWith, false, "Choose at least one tag or friend.")]
    [InlineData("tea", PostAudienceKinds.DontShareWith, true, null)]
    [InlineData("tea", PostAudienceKinds.Private, false, null)]
    public void Refusal_SaysWhatIsMissing(string text, string audience, bool namesSomeone, string? expected)
    {
        var draft = new PostDraft { Text = text, Audience = audience };
        if (namesSomeone)
        {
            draft.People.Add("u-lin");
        }

        Assert.Equal(expected, draft.Refusal(S));
    }

    [Theory]
    [InlineData("https://example.org/tea", "", "example.org")]
    [InlineData(" http://example.org/a ", " Tea houses ", "Tea houses")]
    public void Request_WithALink_CarriesALinkCard_TitledByItsHostUnlessGivenOne(string url, string title, string expectedTitle)
    {
        var draft = new PostDraft { LinkUrl = url, LinkTitle = title };

        var request = draft.Request("c-1");

        Assert.Null(draft.Refusal(S));
        Assert.Equal(new LinkCard(expectedTitle, url.Trim()), request.Card);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("example.org")]
    public void Refusal_ALinkThatIsNotAWebAddress_IsRefusedBeforeSending(string url)
    {
        var draft = new PostDraft { Text = "tea", LinkUrl = url };

        Assert.Equal(S.LinkInvalid, draft.Refusal(S));
        Assert.Null(draft.Request("c-1").Card);
    }

    [Fact]
    public void Remind_StopsAtTen()
    {
        var draft = new PostDraft();

        var taken = Enumerable.Range(0, 12).Count(i => draft.Remind($"u-{i}", on: true));

        Assert.Equal(PostDraft.MaxReminds, taken);
        Assert.True(draft.Remind("u-0", on: false));
        Assert.True(draft.Remind("u-11", on: true));
    }

    [Fact]
    public void Limit_CountsTheTrimmedTextAndShowsFromNinetyPercent()
    {
        var draft = new PostDraft { Text = new string('a', 1_799) + "   " };
        Assert.False(draft.NearLimit);

        draft.Text = new string('a', 2_003);

        Assert.True(draft.NearLimit);
        Assert.Equal(3, draft.Over);
    }

    [Fact]
    public void Media_ImagesOrOneVideo_NeverBoth()
    {
        var draft = new PostDraft();
        draft.Images.Add(new PostUpload("a.jpg"));

        Assert.False(draft.CanAddVideo);
        Assert.True(draft.Uploading);

        draft.Images.Clear();
        draft.Video = new PostUpload("v.mp4") { MediaId = "m-2" };

        Assert.False(draft.CanAddImages);
        Assert.False(draft.Uploading);
    }

    [Fact]
    public void Request_AnArticleShared_NamesItOnly_AndIsEnoughToPost()
    {
        var draft = new PostDraft { Article = new ArticleCard("art-1", "acc-1", "Spring tea", "Picked early") };

        var request = draft.Request("c-1");

        Assert.Null(draft.Refusal(S));
        Assert.Equal(new ArticleCard("art-1"), request.Card);
        Assert.Null(request.Text);
    }
}
