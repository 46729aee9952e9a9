using System.Text.RegularExpressions;
using System.Xml.Linq;
using Hutong.OfficialAccounts.Protocol;
using static Hutong.OfficialAccounts.Tests.Protocol.PublishedVectors;

namespace Hutong.OfficialAccounts.Tests.Protocol;

/// <summary>
/// What Hutong pushes, against WeChat's documented example of each push as wechatpy's parser tests reproduce them
/// (wechatpy/wechatpy <c>tests/test_parser.py</c>): the same elements in the same order, strings in CDATA, numbers
/// bare, and byte for byte once the example's indentation is taken out.
/// </summary>
public sealed partial class PushXmlTests
{
    [Fact]
    public void Text_IsWeChatsExample()
    {
        AssertIsExample(
            """
            <xml>
            <ToUserName><![CDATA[toUser]]></ToUserName>
            <FromUserName><![CDATA[fromUser]]></FromUserName>
             <CreateTime>1348831860</CreateTime>
            <MsgType><![CDATA[text]]></MsgType>
            <Content><![CDATA[this is a test]]></Content>
            <MsgId>1234567890123456</MsgId>
            </xml>
            """,
            new TextMessage("toUser", "fromUser", At(1348831860), "this is a test", 1234567890123456));
    }

    [Fact]
    public void Image_IsWeChatsExample()
    {
        AssertIsExample(
            """
            <xml>
            <ToUserName><![CDATA[toUser]]></ToUserName>
            <FromUserName><![CDATA[fromUser]]></FromUserName>
            <CreateTime>1348831860</CreateTime>
            <MsgType><![CDATA[image]]></MsgType>
            <PicUrl><![CDATA[this is a url]]></PicUrl>
            <MediaId><![CDATA[media_id]]></MediaId>
            <MsgId>1234567890123456</MsgId>
            </xml>
            """,
            new ImageMessage("toUser", "fromUser", At(1348831860), "this is a url", "media_id", 1234567890123456));
    }

    [Fact]
    public void Voice_IsWeChatsExample()
    {
        AssertIsExample(
            """
            <xml>
            <ToUserName><![CDATA[toUser]]></ToUserName>
            <FromUserName><![CDATA[fromUser]]></FromUserName>
            <CreateTime>1357290913</CreateTime>
            <MsgType><![CDATA[voice]]></MsgType>
            <MediaId><![CDATA[media_id]]></MediaId>
            <Format><![CDATA[Format]]></Format>
            <MsgId>1234567890123456</MsgId>
            </xml>
            """,
            new VoiceMessage("toUser", "fromUser", At(1357290913), "media_id", "Format", 1234567890123456));
    }

    [Fact]
    public void Location_IsWeChatsExample()
    {
        AssertIsExample(
            """
            <xml>
            <ToUserName><![CDATA[toUser]]></ToUserName>
            <FromUserName><![CDATA[fromUser]]></FromUserName>
            <CreateTime>1351776360</CreateTime>
            <MsgType><![CDATA[location]]></MsgType>
            <Location_X>23.134521</Location_X>
            <Location_Y>113.358803</Location_Y>
            <Scale>20</Scale>
            <Label><![CDATA[位置信息]]></Label>
            <MsgId>1234567890123456</MsgId>
            </xml>
            """,
            new LocationMessage("toUser", "fromUser", At(1351776360), 23.134521m, 113.358803m, 20, "位置信息", 1234567890123456));
    }

    [Fact]
    public void Link_IsWeChatsExample()
    {
        AssertIsExample(
            """
            <xml>
            <ToUserName><![CDATA[toUser]]></ToUserName>
            <FromUserName><![CDATA[fromUser]]></FromUserName>
            <CreateTime>1351776360</CreateTime>
            <MsgType><![CDATA[link]]></MsgType>
            <Title><![CDATA[公众平台官网链接]]></Title>
            <Description><![CDATA[公众平台官网链接]]></Description>
            <Url><![CDATA[url]]></Url>
            <MsgId>1234567890123456</MsgId>
            </xml>
            """,
            new LinkMessage("toUser", "fromUser", At(1351776360), "公众平台官网链接", "公众平台官网链接", "url", 1234567890123456));
    }

    [Fact]
    public void Subscribe_IsWeChatsExample()
    {
        AssertIsExample(
            """
            <xml>
            <ToUserName><![CDATA[toUser]]></ToUserName>
            <FromUserName><![CDATA[FromUser]]></FromUserName>
            <CreateTime>123456789</CreateTime>
            <MsgType><![CDATA[event]]></MsgType>
            <Event><![CDATA[subscribe]]></Event>
            </xml>
            """,
            new SubscribeEvent("toUser", "FromUser", At(123456789)));
    }

    [Fact]
    public void SubscribeThroughAParameterQrCode_PrefixesTheScene_AndCarriesTheTicket()
    {
        AssertIsExample(
            """
            <xml>
            <ToUserName><![CDATA[toUser]]></ToUserName>
            <FromUserName><![CDATA[FromUser]]></FromUserName>
            <CreateTime>123456789</CreateTime>
            <MsgType><![CDATA[event]]></MsgType>
            <Event><![CDATA[subscribe]]></Event>
            <EventKey><![CDATA[qrscene_123123]]></EventKey>
            <Ticket><![CDATA[TICKET]]></Ticket>
            </xml>
            """,
            new SubscribeEvent("toUser", "FromUser", At(123456789), Scene: "123123", Ticket: "TICKET"));
    }

    [Fact]
    public void Unsubscribe_CarriesOnlyTheEvent()
    {
        AssertIsExample(
            """
            <xml>
            <ToUserName><![CDATA[toUser]]></ToUserName>
            <FromUserName><![CDATA[FromUser]]></FromUserName>
            <CreateTime>123456789</CreateTime>
            <MsgType><![CDATA[event]]></MsgType>
            <Event><![CDATA[unsubscribe]]></Event>
            </xml>
            """,
            new UnsubscribeEvent("toUser", "FromUser", At(123456789)));
    }

    [Fact]
    public void Scan_IsWeChatsExample_WithTheBareScene()
    {
        AssertIsExample(
            """
            <xml>
            <ToUserName><![CDATA[toUser]]></ToUserName>
            <FromUserName><![CDATA[FromUser]]></FromUserName>
            <CreateTime>123456789</CreateTime>
            <MsgType><![CDATA[event]]></MsgType>
            <Event><![CDATA[SCAN]]></Event>
            <EventKey><![CDATA[123123]]></EventKey>
            <Ticket><![CDATA[TICKET]]></Ticket>
            </xml>
            """,
            new ScanEvent("toUser", "FromUser", At(123456789), "123123", "TICKET"));
    }

    [Fact]
    public void Click_IsWeChatsExample()
    {
        AssertIsExample(
            """
            <xml>
            <ToUserName><![CDATA[toUser]]></ToUserName>
            <FromUserName><![CDATA[FromUser]]></FromUserName>
            <CreateTime>123456789</CreateTime>
            <MsgType><![CDATA[event]]></MsgType>
            <Event><![CDATA[CLICK]]></Event>
            <EventKey><![CDATA[EVENTKEY]]></EventKey>
            </xml>
            """,
            new ClickEvent("toUser", "FromUser", At(123456789), "EVENTKEY"));
    }

    [Fact]
    public void View_IsWeChatsExample()
    {
        // WeChat's example writes MENUID where the menu's number goes, bare like every number.
        AssertIsExample(
            """
            <xml>
            <ToUserName><![CDATA[toUser]]></ToUserName>
            <FromUserName><![CDATA[FromUser]]></FromUserName>
            <CreateTime>123456789</CreateTime>
            <MsgType><![CDATA[event]]></MsgType>
            <Event><![CDATA[VIEW]]></Event>
            <EventKey><![CDATA[www.qq.com]]></EventKey>
            <MenuId>208396938</MenuId>
            </xml>
            """,
            new ViewEvent("toUser", "FromUser", At(123456789), "www.qq.com", 208396938));
    }

    [Fact]
    public void CreateTime_IsWholeUnixSeconds()
    {
        var push = new TextMessage("gh_a", "o_b", DateTimeOffset.FromUnixTimeMilliseconds(1_409_735_668_999), "hi", 1);

        Assert.Contains("CreateTime=text:1409735668", WeChatXml.Fields(push.ToXml()));
    }

    [Theory]
    [InlineData("a]]>b")]
    [InlineData("]]>")]
    [InlineData("]]]]>>")]
    [InlineData("<![CDATA[x]]>&amp;</Content>")]
    [InlineData("line\nbreak & <tag> \"quoted\" 'single' 😀")]
    public void Content_WithCDataEndsAndMarkup_SurvivesAParser(string content)
    {
        var push = new TextMessage("gh_a", "o_b", At(1), content, 1);

        var parsed = XDocument.Parse(push.ToXml()).Root!;

        Assert.Equal(content, parsed.Element("Content")!.Value);
        Assert.Equal(6, parsed.Elements().Count());
    }

    [Fact]
    public void Content_WithCharactersXmlCannotCarry_DropsThem_SoThePushStillParses()
    {
        var push = new TextMessage("gh_a", "o_b", At(1), "a\u0001b\u0000c\uD800d\uFFFEe😀", 1);

        var parsed = XDocument.Parse(push.ToXml()).Root!;

        Assert.Equal("abcde😀", parsed.Element("Content")!.Value);
    }

    [Fact]
    public void CompatibleMode_IsTheOfficialSamplesPush_ByteForByte()
    {
        var push = new TextMessage(
            "gh_10f6c3c3ac5a", "oyORnuP8q7ou2gfYjqLzSIWZf0rs", At(1409735668), "abcdteT", 6054768590064713728);

        Assert.Equal(OfficialAccountCompatiblePush.Body, push.ToCompatibleXml(OfficialAccountCompatiblePush.Encrypt));
    }

    [Fact]
    public void CompatibleMode_AddsTheEncryptedSameMessage_AfterThePlaintextFields()
    {
        var crypto = new WeChatCrypto("token", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "wx0123456789abcdef");
        var push = new ClickEvent("gh_0123456789ab", "oFollower", At(1409735668), "MENU_KEY");
        var sealedPush = crypto.Seal(push.ToUserName, push.ToXml(), "1409735669", "nonce");

        var fields = WeChatXml.Fields(push.ToCompatibleXml(sealedPush.Encrypt));

        Assert.Equal([.. WeChatXml.Fields(push.ToXml()), "Encrypt=cdata:" + sealedPush.Encrypt], fields);
        Assert.True(crypto.TryDecrypt(sealedPush.Encrypt, out var xml));
        Assert.Equal(push.ToXml(), xml);
    }

    [Fact]
    public void SafeMode_SendsOnlyTheOriginalIdAndTheCiphertext()
    {
        Assert.Equal(
            ["ToUserName=cdata:gh_0123456789ab", "Encrypt=cdata:Zm9v"],
            WeChatXml.Fields(PushXml.Envelope("gh_0123456789ab", "Zm9v")));
    }

    private static DateTimeOffset At(long seconds) => DateTimeOffset.FromUnixTimeSeconds(seconds);

    /// <summary>The same fields and node kinds as the example, then the very bytes once its indentation is gone.</summary>
    private static void AssertIsExample(string example, PushMessage push)
    {
        var xml = push.ToXml();

        Assert.Equal(WeChatXml.Fields(example), WeChatXml.Fields(xml));
        Assert.Equal(BetweenElements().Replace(example, "><").Trim(), xml);
    }

    [GeneratedRegex(@">\s+<")]
    private static partial Regex BetweenElements();
}
