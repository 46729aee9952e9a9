using System.Reflection;
using Hutong.Web.Localization;

namespace Hutong.Web.Tests.Localization;

public sealed class OfficialAccountStringsTests
{
    private static IEnumerable<PropertyInfo> Properties => typeof(OfficialAccountStrings).GetProperties(BindingFlags.Public | BindingFlags.Instance);

    public static TheoryData<string> TextProperties() => [.. Properties.Where(p => p.PropertyType == typeof(string)).Select(p => p.Name)];

    public static TheoryData<string> PhraseProperties() => [.. Properties.Where(p => typeof(Delegate).IsAssignableFrom(p.PropertyType)).Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(TextProperties))]
    public void Chinese_EveryText_DiffersFromEnglish(string property)
    {
        var info = typeof(OfficialAccountStrings).GetProperty(property)!;

        var english = (string)info.GetValue(OfficialAccountStrings.English)!;
        var chinese = (string)info.GetValue(OfficialAccountStrings.Chinese)!;

        Assert.False(string.IsNullOrWhiteSpace(chinese));
        Assert.NotEqual(english, chinese);
    }

    [Theory]
    [MemberData(nameof(PhraseProperties))]
    public void Chinese_EveryPhrase_DiffersFromEnglish(string property)
    {
        var info = typeof(OfficialAccountStrings).GetProperty(property)!;
        var english = (Delegate)info.GetValue(OfficialAccountStrings.English)!;
        var chinese = (Delegate)info.GetValue(OfficialAccountStrings.Chinese)!;
        var arguments = english.Method.GetParameters().Select(p => Type.GetTypeCode(p.ParameterType) switch
        {
            TypeCode.String => (object)"Tea Notes",
            TypeCode.Int32 => 2,
            TypeCode.Boolean => true,
            var other => throw new InvalidOperationException($"{property} takes a {other}; teach this test a sample of it."),
        }).ToArray();

        Assert.NotEqual((string)english.DynamicInvoke(arguments)!, (string)chinese.DynamicInvoke(arguments)!);
    }

    [Fact]
    public void ReportReasons_AsManyInEachLanguage_EndingWithOther_AndTranslated()
    {
        var english = OfficialAccountStrings.English.ReportReasons;
        var chinese = OfficialAccountStrings.Chinese.ReportReasons;

        Assert.Equal(english.Count, chinese.Count);
        Assert.Equal("Other", english[^1]);
        Assert.All(english.Zip(chinese), pair => Assert.NotEqual(pair.First, pair.Second));
    }

    [Fact]
    public void Scenes_EveryFollowSceneHasWordsInBothLanguages()
    {
        foreach (var scene in Hutong.Contracts.OfficialAccounts.FollowScenes.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(OfficialAccountStrings.English.Scenes.GetValueOrDefault(scene)), scene);
            Assert.NotEqual(OfficialAccountStrings.English.Scenes[scene], OfficialAccountStrings.Chinese.Scenes.GetValueOrDefault(scene));
        }
    }
}
