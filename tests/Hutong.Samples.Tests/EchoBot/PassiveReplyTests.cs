using System.Net;

namespace Hutong.Samples.Tests.EchoBot;

/// <summary>POST /wechat in plaintext mode: what each push gets back in the HTTP response.</summary>
public sealed class PassiveReplyTests
{
    private const string Follower = "oKx3Fw2nQ9vL7dR1sT5yU8zA0bC4";

    [Fact]
    public async Task Text_IsEchoedWithToAndFromSwapped()
    {
        await using var bot = EchoBotApp.Start();
        var now = bot.Clock.GetUtcNow().ToUnixTimeSeconds();

        var delivery = await bot.Platform().PushAsync(Pushes.Text(Follower, now - 2, "你好, bot ]]> & <friends>", msgId: 1001), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, delivery.Status);
        Assert.Equal("xml", delivery.Reply?.Name.LocalName);
        Assert.Equal(Follower, delivery.Field("ToUserName"));
        Assert.Equal(Pushes.Account, delivery.Field("FromUserName"));
        Assert.Equal(now.ToString(System.Globalization.CultureInfo.InvariantCulture), delivery.Field("CreateTime"));
        Assert.Equal("text", delivery.Field("MsgType"));
        Assert.Equal("You said: 你好, bot ]]> & <friends>", delivery.Field("Content"));
        Assert.Contains("<Content><![CDATA[You said:", delivery.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("news")]
    [InlineData("NEWS")]
    [InlineData(" News ")]
    public async Task News_InAnyCase_IsTwoArticles(string text)
    {
        await using var bot = EchoBotApp.Start();
        var now = bot.Clock.GetUtcNow().ToUnixTimeSeconds();

        var delivery = await bot.Platform().PushAsync(Pushes.Text(Follower, now, text, msgId: 1002), TestContext.Current.CancellationToken);

        Assert.Equal("news", delivery.Field("MsgType"));
        Assert.Equal("2", delivery.Field("ArticleCount"));
        var items = delivery.Reply!.Element("Articles")!.Elements("item").ToList();
        Assert.Equal(2, items.Count);
        Assert.All(items, item =>
        {
            Assert.False(string.IsNullOrWhiteSpace(item.Element("Title")?.Value));
            Assert.False(string.IsNullOrWhiteSpace(item.Element("Description")?.Value));
            Assert.True(Uri.IsWellFormedUriString(item.Element("PicUrl")?.Value, UriKind.Absolute));
            Assert.StartsWith("https://", item.Element("Url")?.Value, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task News_PicturesAreServedByTheBot()
    {
        await using var bot = EchoBotApp.Start();
        var delivery = await bot.Platform().PushAsync(Pushes.Text(Follower, 1_740_000_000, "news", msgId: 1003), TestContext.Current.CancellationToken);
        using var http = bot.CreateClient();

        foreach (var item in delivery.Reply!.Element("Articles")!.Elements("item"))
        {
            using var picture = await http.GetAsync(new Uri(item.Element("PicUrl")!.Value), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, picture.StatusCode);
            Assert.Equal("image/svg+xml", picture.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Help_ListsTheCommands()
    {
        await using var bot = EchoBotApp.Start();

        var delivery = await bot.Platform().PushAsync(Pushes.Text(Follower, 1_740_000_000, "help", msgId: 1004), TestContext.Current.CancellationToken);

        Assert.Equal("text", delivery.Field("MsgType"));
        var help = delivery.Field("Content");
        Assert.Contains("news", help, StringComparison.Ordinal);
        Assert.Contains("later <words>", help, StringComparison.Ordinal);
        Assert.Contains("help", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Image_GetsNicePicture()
    {
        await using var bot = EchoBotApp.Start();

        var delivery = await bot.Platform().PushAsync(Pushes.Image(Follower, 1_740_000_000, msgId: 1005), TestContext.Current.CancellationToken);

        Assert.Equal("Nice picture", delivery.Field("Content"));
    }

    [Theory]
    [InlineData(null, "Thanks for following EchoBot! Send help to see what it can do.")]
    [InlineData("qrscene_spring-fair", "Thanks for following EchoBot! Send help to see what it can do. You came through the code for scene spring-fair.")]
    public async Task Subscribe_IsGreeted_WithTheSceneOfACode(string? eventKey, string greeting)
    {
        await using var bot = EchoBotApp.Start();

        var delivery = await bot.Platform().PushAsync(Pushes.Event(Follower, 1_740_000_000, "subscribe", eventKey), TestContext.Current.CancellationToken);

        Assert.Equal(Follower, delivery.Field("ToUserName"));
        Assert.Equal(greeting, delivery.Field("Content"));
    }

    [Fact]
    public async Task Scan_WelcomesBackWithTheScene()
    {
        await using var bot = EchoBotApp.Start();

        var delivery = await bot.Platform().PushAsync(Pushes.Event(Follower, 1_740_000_000, "SCAN", "123"), TestContext.Current.CancellationToken);

        Assert.Equal("Welcome back (scene 123)", delivery.Field("Content"));
    }

    [Fact]
    public async Task Click_NamesTheMenuKey()
    {
        await using var bot = EchoBotApp.Start();

        var delivery = await bot.Platform().PushAsync(Pushes.Event(Follower, 1_740_000_000, "CLICK", "V1001_TODAY_MUSIC"), TestContext.Current.CancellationToken);

        Assert.Contains("V1001_TODAY_MUSIC", delivery.Field("Content"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsubscribe_GetsAnEmptyBody()
    {
        await using var bot = EchoBotApp.Start();

        var delivery = await bot.Platform().PushAsync(Pushes.Event(Follower, 1_740_000_000, "unsubscribe"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, delivery.Status);
        Assert.Equal("", delivery.Body);
    }

    [Fact]
    public async Task Voice_GetsSuccess()
    {
        await using var bot = EchoBotApp.Start();

        var delivery = await bot.Platform().PushAsync(Pushes.Voice(Follower, 1_740_000_000, msgId: 1006), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, delivery.Status);
        Assert.Equal("success", delivery.Body);
    }

    [Fact]
    public async Task UnknownEvent_GetsSuccess()
    {
        await using var bot = EchoBotApp.Start();

        var delivery = await bot.Platform().PushAsync(Pushes.Event(Follower, 1_740_000_000, "VIEW", "https://example.com/menu"), TestContext.Current.CancellationToken);

        Assert.Equal("success", delivery.Body);
    }

    [Fact]
    public async Task RetriedMsgId_GetsTheFirstReplyAgain()
    {
        await using var bot = EchoBotApp.Start();
        var platform = bot.Platform();
        var push = Pushes.Text(Follower, 1_740_000_000, "once", msgId: 1007);

        var first = await platform.PushAsync(push, TestContext.Current.CancellationToken);
        bot.Clock.Advance(TimeSpan.FromSeconds(5));
        var retry = await platform.PushAsync(push, TestContext.Current.CancellationToken);

        Assert.Equal("You said: once", first.Field("Content"));
        Assert.Equal(first.Field("Content"), retry.Field("Content"));
        Assert.Equal(first.Field("ToUserName"), retry.Field("ToUserName"));
    }

    [Fact]
    public async Task RetriedEvent_GetsTheFirstReplyAgain()
    {
        await using var bot = EchoBotApp.Start();
        var platform = bot.Platform();
        var push = Pushes.Event(Follower, 1_740_000_000, "subscribe");

        var first = await platform.PushAsync(push, TestContext.Current.CancellationToken);
        bot.Clock.Advance(TimeSpan.FromSeconds(5));
        var retry = await platform.PushAsync(push, TestContext.Current.CancellationToken);

        Assert.StartsWith("Thanks for following", first.Field("Content"), StringComparison.Ordinal);
        Assert.Equal(first.Field("Content"), retry.Field("Content"));
    }

    [Fact]
    public async Task Push_WithAWrongSignature_Is403AndUnanswered()
    {
        await using var bot = EchoBotApp.Start();

        var delivery = await bot.Platform().PostAsync(
            "signature=0000000000000000000000000000000000000000&timestamp=1740000000&nonce=1",
            Pushes.Text(Follower, 1_740_000_000, "forged", msgId: 1008),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, delivery.Status);
        Assert.Equal("", delivery.Body);
    }

    [Theory]
    [InlineData("not xml")]
    [InlineData("<xml><ToUserName>gh_1</ToUserName></xml>")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY a \"aaaa\">]><xml><Content>&a;</Content></xml>")]
    public async Task Push_ThatIsNoPush_Is400(string body)
    {
        await using var bot = EchoBotApp.Start();
        const string Timestamp = "1740000000", Nonce = "42";

        var delivery = await bot.Platform().PostAsync(
            $"signature={PlatformCrypto.Sign(EchoBotApp.Token, Timestamp, Nonce)}&timestamp={Timestamp}&nonce={Nonce}", body, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, delivery.Status);
    }
}
