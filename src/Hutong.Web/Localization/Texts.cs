using Hutong.Web.Session;

namespace Hutong.Web.Localization;

/// <summary>
/// The language the client speaks: the person's choice if they made one, else the first of the browser's languages
/// that Hutong knows (any Chinese gets Simplified Chinese), else English.
/// </summary>
public sealed class Texts(Browser browser)
{
    private const string PreferenceKey = "hutong.language";

    /// <summary>The strings of the current language.</summary>
    public Strings S { get; private set; } = Strings.English;

    /// <summary><c>en</c> or <c>zh-Hans</c>.</summary>
    public string Language => S.LanguageTag;

    /// <summary>The person's choice, or null to follow the browser.</summary>
    public string? Preference { get; private set; }

    public event Action? Changed;

    public async Task InitializeAsync()
    {
        Preference = await browser.GetAsync(PreferenceKey);
        S = Pick(Preference is null ? await browser.LanguagesAsync() : [Preference]);
        await browser.SetDocumentLanguageAsync(S.LanguageTag);
    }

    /// <summary>Switches language; null follows the browser again.</summary>
    public async Task ChooseAsync(string? language)
    {
        Preference = language;
        await browser.SetAsync(PreferenceKey, language);
        S = Pick(language is null ? await browser.LanguagesAsync() : [language]);
        await browser.SetDocumentLanguageAsync(S.LanguageTag);
        Changed?.Invoke();
    }

    public static Strings Pick(IEnumerable<string> languages)
    {
        foreach (var language in languages)
        {
            if (language.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
            {
                return Strings.Chinese;
            }

            if (language.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return Strings.English;
            }
        }

        return Strings.English;
    }
}
