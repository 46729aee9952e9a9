using Hutong.OfficialAccounts.Protocol;

namespace Hutong.OfficialAccounts.Tests.Protocol;

/// <summary>
/// A developer's passive reply, read as WeChat reads it. The well-formed replies are what a bot built on wechatpy
/// sends, from its templates (wechatpy/wechatpy <c>wechatpy/replies.py</c> and <c>wechatpy/fields.py</c>): MsgType
/// first, line breaks and indentation between elements. The rest are what real bots get wrong.
/// </summary>
public sealed class ReplyXmlTests
{
    private const string Follower = "oyORnuP8q7ou2gfYjqLzSIWZf0rs";
    private const string Account = "gh_10f6c3c3ac5a";
    private const string Head =
        $"<xml><ToUserName><![CDATA[{Follower}]]></ToUserName><FromUserName><![CDATA[{Account}]]></FromUserName><CreateTime>1409735669</CreateTime>";

    private static readonly DateTimeOffset CreateTime = DateTimeOffset.FromUnixTimeSeconds(1409735669);

    [Fact]
    public void Text_AsWechatpyRendersIt_IsShown()
    {
        var reply = Shown($"""
            <xml>
            <MsgType><![CDATA[text]]></MsgType>
            <FromUserName><![CDATA[{Account}]]></FromUserName>
            <ToUserName><![CDATA[{Follower}]]></ToUserName>
            <CreateTime>1409735669</CreateTime>
            <Content><![CDATA[你好]]></Content>
            </xml>
            """);

        Assert.Equal(new TextReply(CreateTime, "你好"), reply);
    }

    [Fact]
    public void Text_WithoutCData_AndIndented_IsShown()
    {
        var reply = Shown($"""
            <xml>
              <ToUserName>{Follower}</ToUserName>
              <FromUserName>{Account}</FromUserName>
              <CreateTime>1409735669</CreateTime>
              <MsgType>text</MsgType>
              <Content>a &amp; b</Content>
            </xml>
            """);

        Assert.Equal(new TextReply(CreateTime, "a & b"), reply);
    }

    [Fact]
    public void Text_KeepsItsLineBreaks_AndSpacesAroundCDataDoNotCount()
    {
        var reply = Shown(Head + "<MsgType>  <![CDATA[text]]>\n</MsgType><Content><![CDATA[line one\nline two ]]></Content></xml>");

        Assert.Equal(new TextReply(CreateTime, "line one\nline two "), reply);
    }

    [Fact]
    public void Text_WithAnXmlDeclarationAndByteOrderMark_IsShown()
    {
        var reply = Shown("\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + Head + "<MsgType>text</MsgType><Content>hi</Content></xml>\n");

        Assert.Equal(new TextReply(CreateTime, "hi"), reply);
    }

    [Fact]
    public void Image_AsWechatpyRendersIt_IsShown()
    {
        var reply = Shown($"""
            <xml>
            <MsgType><![CDATA[image]]></MsgType>
            <FromUserName><![CDATA[{Account}]]></FromUserName>
            <ToUserName><![CDATA[{Follower}]]></ToUserName>
            <CreateTime>1409735669</CreateTime>
            <Image>
                    <MediaId><![CDATA[media_id]]></MediaId>
                    </Image>
            </xml>
            """);

        Assert.Equal(new ImageReply(CreateTime, "media_id"), reply);
    }

    [Fact]
    public void News_AsWechatpyRendersIt_IsShown_WithEveryArticle()
    {
        var reply = Assert.IsType<NewsReply>(Shown($"""
            <xml>
            <MsgType><![CDATA[news]]></MsgType>
            <FromUserName><![CDATA[{Account}]]></FromUserName>
            <ToUserName><![CDATA[{Follower}]]></ToUserName>
            <CreateTime>1409735669</CreateTime>
            <ArticleCount>2</ArticleCount>
                    <Articles><item>
                        <Title><![CDATA[title1]]></Title>
                        <Description><![CDATA[description1]]></Description>
                        <PicUrl><![CDATA[picurl]]></PicUrl>
                        <Url><![CDATA[url]]></Url>
                        </item>
            <item>
                        <Title><![CDATA[title2]]></Title>
                        <Description><![CDATA[]]></Description>
                        <PicUrl><![CDATA[]]></PicUrl>
                        <Url><![CDATA[https://example.com/?a=1&b=2]]></Url>
                        </item></Articles>
            </xml>
            """));

        Assert.Equal(CreateTime, reply.CreateTime);
        Assert.Equal(
            [new NewsArticle("title1", "description1", "picurl", "url"), new NewsArticle("title2", "", "", "https://example.com/?a=1&b=2")],
            reply.Articles);
    }

    [Fact]
    public void News_InPlainText_WithArticlesLeavingOutFields_IsShown()
    {
        var reply = Assert.IsType<NewsReply>(Shown(
            Head + "<MsgType>news</MsgType><ArticleCount>1</ArticleCount><Articles><item><Title>t</Title><Url>https://example.com/?a=1&amp;b=2</Url></item></Articles></xml>"));

        Assert.Equal([new NewsArticle("t", "", "", "https://example.com/?a=1&b=2")], reply.Articles);
    }

    [Fact]
    public void News_WithEightArticles_IsShown_AndNine_IsInvalid()
    {
        Assert.Equal(8, Assert.IsType<NewsReply>(Shown(News(8))).Articles.Count);
        Invalid(News(9));
    }

    [Theory]
    [InlineData("<ArticleCount>0</ArticleCount><Articles></Articles>")]
    [InlineData("<ArticleCount>1</ArticleCount>")]
    [InlineData("<ArticleCount>2</ArticleCount><Articles><item><Title>t</Title></item></Articles>")]
    [InlineData("<Articles><item><Title>t</Title></item></Articles>")]
    [InlineData("<ArticleCount>one</ArticleCount><Articles><item><Title>t</Title></item></Articles>")]
    [InlineData("<ArticleCount>1</ArticleCount><Articles><item><Url>u</Url></item></Articles>")]
    public void News_WithoutMatchingTitledArticles_IsInvalid(string fields)
    {
        Invalid(Head + "<MsgType>news</MsgType>" + fields + "</xml>");
    }

    [Fact]
    public void CreateTime_InMilliseconds_IsReadAsMilliseconds()
    {
        var reply = Shown(Head.Replace("1409735669", "1409735669123", StringComparison.Ordinal) + "<MsgType>text</MsgType><Content>hi</Content></xml>");

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1409735669123), reply.CreateTime);
    }

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-1409735669")]
    [InlineData("1409735669.5")]
    [InlineData("99999999999999999999")]
    [InlineData("9999999999999999")]
    public void CreateTime_ThatIsNotAUnixTime_IsInvalid(string createTime)
    {
        Invalid(Head.Replace("1409735669", createTime, StringComparison.Ordinal) + "<MsgType>text</MsgType><Content>hi</Content></xml>");
    }

    [Theory]
    [InlineData("success")]
    [InlineData("SUCCESS")]
    [InlineData("  Success\r\n")]
    [InlineData("")]
    [InlineData(" \r\n\t ")]
    [InlineData(null)]
    public void SuccessOrNothing_IsNoReply(string? body)
    {
        Assert.IsType<ReplyResult.NoReply>(ReplyXml.Read(body, Follower, Account));
    }

    [Theory]
    [InlineData("{\"ToUserName\":\"" + Follower + "\",\"MsgType\":\"text\",\"Content\":\"hi\"}")]
    [InlineData("<!DOCTYPE html><html><body>Internal Server Error</body></html>")]
    [InlineData("<html><body><xml>hi</xml></body></html>")]
    [InlineData("success!")]
    [InlineData("ok")]
    [InlineData(Head + "<MsgType>text</MsgType><Content>hi</Content>")]
    [InlineData(Head + "<MsgType>text</MsgType><Content>hi</Cont")]
    [InlineData("<reply><ToUserName>" + Follower + "</ToUserName><FromUserName>" + Account + "</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>hi</Content></reply>")]
    public void NotAReplyDocument_IsInvalid(string body)
    {
        Invalid(body);
    }

    [Theory]
    [InlineData("voice", "<Voice><MediaId>m</MediaId></Voice>")]
    [InlineData("video", "<Video><MediaId>m</MediaId><Title>t</Title></Video>")]
    [InlineData("music", "<Music><Title>t</Title><MusicUrl>u</MusicUrl><ThumbMediaId>m</ThumbMediaId></Music>")]
    [InlineData("transfer_customer_service", "")]
    [InlineData("location", "<Location_X>1</Location_X>")]
    [InlineData("", "<Content>hi</Content>")]
    public void AKindHutongDoesNotShow_IsInvalid(string msgType, string fields)
    {
        Invalid(Head + $"<MsgType>{msgType}</MsgType>{fields}</xml>");
    }

    [Theory]
    [InlineData("<MsgType>text</MsgType>")]
    [InlineData("<MsgType>text</MsgType><Content> \n </Content>")]
    [InlineData("<MsgType>image</MsgType><MediaId>m</MediaId>")]
    [InlineData("<MsgType>image</MsgType><Image><MediaId></MediaId></Image>")]
    [InlineData("<Content>hi</Content>")]
    public void AReplyMissingWhatItShows_IsInvalid(string fields)
    {
        Invalid(Head + fields + "</xml>");
    }

    [Theory]
    [InlineData("oSomeoneElse", Account)]
    [InlineData(Account, Follower)]
    [InlineData(Follower, "gh_someotherone")]
    [InlineData("", Account)]
    public void ToOrFromTheWrongParty_IsInvalid(string to, string from)
    {
        Invalid($"<xml><ToUserName>{to}</ToUserName><FromUserName>{from}</FromUserName><CreateTime>1409735669</CreateTime><MsgType>text</MsgType><Content>hi</Content></xml>");
    }

    [Fact]
    public void WithoutToOrFrom_IsInvalid()
    {
        Invalid($"<xml><FromUserName>{Account}</FromUserName><CreateTime>1409735669</CreateTime><MsgType>text</MsgType><Content>hi</Content></xml>");
        Invalid($"<xml><ToUserName>{Follower}</ToUserName><CreateTime>1409735669</CreateTime><MsgType>text</MsgType><Content>hi</Content></xml>");
    }

    [Fact]
    public void ADtdWithAnExternalEntity_IsRefused_WithoutReadingTheFile()
    {
        var secret = Path.Combine(Path.GetTempPath(), $"hutong-reply-{Guid.NewGuid():N}.txt");
        File.WriteAllText(secret, "not for developers");
        try
        {
            var body = $"""
                <?xml version="1.0"?>
                <!DOCTYPE xml [<!ENTITY leak SYSTEM "{new Uri(secret).AbsoluteUri}">]>
                {Head}<MsgType>text</MsgType><Content>&leak;</Content></xml>
                """;

            var invalid = Invalid(body);

            Assert.DoesNotContain("not for developers", invalid.Reason, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void ADtdThatExpandsEntities_IsRefused()
    {
        const string laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE xml [
              <!ENTITY a "aaaaaaaaaa">
              <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
              <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
              <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
            ]>
            """;

        Invalid(laughs + Head + "<MsgType>text</MsgType><Content>&d;&d;&d;</Content></xml>");
    }

    [Fact]
    public void ABodyOverOneMebibyte_IsInvalid_AndOneJustUnder_IsShown()
    {
        var frame = Head + "<MsgType>text</MsgType><Content></Content></xml>";
        var fits = new string('a', SafeXml.MaxBytes - frame.Length);

        Assert.IsType<TextReply>(Shown(frame.Replace("<Content>", "<Content>" + fits, StringComparison.Ordinal)));
        Assert.Contains("1 MiB", Invalid(frame.Replace("<Content>", "<Content>a" + fits, StringComparison.Ordinal)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ABodyOverOneMebibyteInUtf8_ThoughFewerCharacters_IsInvalid()
    {
        // 400,000 characters, 1,200,000 bytes.
        Invalid(Head + "<MsgType>text</MsgType><Content>" + new string('中', 400_000) + "</Content></xml>");
    }

    [Fact]
    public void AnEncryptedReply_IsUnwrappedWithTheAccountsKey()
    {
        var crypto = new WeChatCrypto("token", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "wx0123456789abcdef");
        var body = crypto.WrapReply(Head + "<MsgType>text</MsgType><Content>sealed</Content></xml>", "1409735670", "nonce");

        var reply = Assert.IsType<ReplyResult.Reply>(ReplyXml.Read(body, Follower, Account, crypto));

        Assert.True(reply.WasEncrypted);
        Assert.Equal(new TextReply(CreateTime, "sealed"), reply.Message);
    }

    [Fact]
    public void AnEncryptedReply_WithoutAKey_OrWithABadSignature_OrWrongInside_IsInvalid()
    {
        var crypto = new WeChatCrypto("token", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "wx0123456789abcdef");
        var body = crypto.WrapReply(Head + "<MsgType>text</MsgType><Content>sealed</Content></xml>", "1409735670", "nonce");
        var otherToken = new WeChatCrypto("token2", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "wx0123456789abcdef");
        var wrongInside = crypto.WrapReply(Head.Replace(Follower, "oSomeoneElse", StringComparison.Ordinal) + "<MsgType>text</MsgType><Content>x</Content></xml>", "1", "n");

        Assert.IsType<ReplyResult.Invalid>(ReplyXml.Read(body, Follower, Account));
        Assert.IsType<ReplyResult.Invalid>(ReplyXml.Read(body, Follower, Account, otherToken));
        Assert.IsType<ReplyResult.Invalid>(ReplyXml.Read(wrongInside, Follower, Account, crypto));
        Assert.IsType<ReplyResult.Invalid>(ReplyXml.Read(crypto.WrapReply("success", "1", "n"), Follower, Account, crypto));
    }

    [Fact]
    public void APlaintextReply_ToAnAccountWithAKey_IsShown_AsNotEncrypted()
    {
        var crypto = new WeChatCrypto("token", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "wx0123456789abcdef");

        var reply = Assert.IsType<ReplyResult.Reply>(
            ReplyXml.Read(Head + "<MsgType>text</MsgType><Content>hi</Content></xml>", Follower, Account, crypto));

        Assert.False(reply.WasEncrypted);
    }

    private static string News(int articles) =>
        Head + $"<MsgType>news</MsgType><ArticleCount>{articles}</ArticleCount><Articles>"
        + string.Concat(Enumerable.Range(1, articles).Select(i => $"<item><Title>t{i}</Title><Url>https://example.com/{i}</Url></item>"))
        + "</Articles></xml>";

    private static PassiveReply Shown(string body)
    {
        var reply = Assert.IsType<ReplyResult.Reply>(ReplyXml.Read(body, Follower, Account));
        Assert.False(reply.WasEncrypted);
        return reply.Message;
    }

    private static ReplyResult.Invalid Invalid(string body) =>
        Assert.IsType<ReplyResult.Invalid>(ReplyXml.Read(body, Follower, Account));
}
