using System.Collections.Frozen;
using System.Text;
using Hutong.Contracts.MiniPrograms;

namespace Hutong.MiniPrograms.Stories;

/// <summary>
/// The studio's templates (<see cref="StoryTemplates"/>), each in English and Chinese, embedded from
/// <c>Stories/Templates/{template}.{en|zh}.ink</c>, with their titles.
/// </summary>
internal static class StoryTemplateTexts
{
    private const string Prefix = "Hutong.MiniPrograms.Stories.Templates.";

    private static readonly FrozenDictionary<string, string> Sources = typeof(StoryTemplateTexts).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
        .ToFrozenDictionary(n => n[Prefix.Length..^".ink".Length], Read, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> Titles = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [$"{StoryTemplates.Mystery}.en"] = "A mystery in three rooms",
        [$"{StoryTemplates.Mystery}.zh"] = "三个房间的谜案",
        [$"{StoryTemplates.Tea}.en"] = "Choose your tea",
        [$"{StoryTemplates.Tea}.zh"] = "选一壶茶",
        ["blank.en"] = "Untitled story",
        ["blank.zh"] = "未命名故事",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool Exists(string template) => Sources.ContainsKey(template + ".en");

    /// <summary>The template's title and source in the language (null template: a blank story's title and no source).</summary>
    public static (string Title, string Source) For(string? template, string language)
    {
        var tongue = language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "zh" : "en";
        return template is null ? (Titles["blank." + tongue], "") : (Titles[$"{template}.{tongue}"], Sources[$"{template}.{tongue}"]);
    }

    private static string Read(string name)
    {
        using var stream = typeof(StoryTemplateTexts).Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
