using Hutong.Web.Localization;

namespace Hutong.Web.Tests.Localization;

public sealed class TextsTests
{
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("zh-TW")]
    [InlineData("zh-Hans")]
    [InlineData("ZH")]
    [InlineData("fr", "zh")]
    [InlineData("de-DE", "zh-HK", "en-US")]
    public void Pick_FirstKnownLanguageIsChinese_PicksChinese(params string[] languages)
    {
        var picked = Texts.Pick(languages);

        Assert.Same(Strings.Chinese, picked);
    }

    [Theory]
    [InlineData("en-GB")]
    [InlineData("en")]
    [InlineData("fr", "en-US", "zh-CN")]
    [InlineData("fr", "de")]
    [InlineData]
    public void Pick_FirstKnownLanguageIsEnglishOrNoneIsKnown_PicksEnglish(params string[] languages)
    {
        var picked = Texts.Pick(languages);

        Assert.Same(Strings.English, picked);
    }
}
