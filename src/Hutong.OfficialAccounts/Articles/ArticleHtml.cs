using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;
using Hutong.Core;

namespace Hutong.OfficialAccounts.Articles;

/// <summary>
/// An article's body as it may be stored and shown: HtmlSanitizer with a short allow-list of formatting, headings,
/// lists, quotes, tables, links and images, and nothing that runs or frames (no script or style element, no event
/// handler, no frame, object, embed, form, SVG or MathML). Links are absolute http, https or mailto and open apart
/// (<c>rel="noopener noreferrer nofollow"</c>, <c>target="_blank"</c>); images are the node's own uploads
/// (<c>/api/v1/media/{id}</c>) or https addresses; <c>style</c> keeps only colours, alignment and font weight and
/// style. Code, frames, forms, SVG and MathML go with their content; any other element that is not allowed gives way
/// to its content.
/// </summary>
internal static partial class ArticleHtml
{
    public const string LinkRel = "noopener noreferrer nofollow";

    private const string MediaPrefix = "/api/v1/media/";

    private static readonly HtmlSanitizer Sanitizer = Create();

    /// <summary>The clean body, the uploads its images show (in order, once each), and its words alone.</summary>
    public sealed record Clean(string Html, IReadOnlyList<Guid> MediaIds, string Text);

    /// <summary>
    /// Elements whose content is code, a document of its own or a form, and goes with them. Any other element that is
    /// not allowed gives way to its content, so one unknown or unclosed tag does not take the rest of an article along.
    /// </summary>
    private static readonly FrozenSet<string> Swallowed = FrozenSet.ToFrozenSet(
    [
        "script", "style", "template", "iframe", "frame", "frameset", "object", "embed", "applet", "noscript", "noembed", "noframes",
        "xmp", "plaintext", "svg", "math", "textarea", "select", "option", "title", "head", "form", "button", "input", "audio", "video",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>Elements that stand apart from the words before them.</summary>
    private static readonly FrozenSet<string> Blocks = FrozenSet.ToFrozenSet(
    [
        "p", "br", "hr", "div", "section", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "dl", "dt", "dd",
        "table", "tr", "th", "td", "caption", "figure", "figcaption", "pre",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Makes the body safe. <paramref name="origin"/> is the node's own address as the caller reached it: an image there
    /// on the media path (as the app API's <c>media/uploadimg</c> gives them, absolute like WeChat's) is the upload it
    /// names, kept as the node's own path.
    /// </summary>
    public static Clean Sanitize(string html, string? origin = null)
    {
        using var document = Sanitizer.HtmlParserFactory().ParseDocument("<!DOCTYPE html><html><body>" + html);
        var body = document.Body!;
        if (origin is not null)
        {
            foreach (var image in body.QuerySelectorAll("img"))
            {
                if (image.GetAttribute("src") is { } src && src.StartsWith(origin + MediaPrefix, StringComparison.OrdinalIgnoreCase))
                {
                    image.SetAttribute("src", src[origin.Length..]);
                }
            }
        }

        foreach (var element in body.QuerySelectorAll("*").Where(e => Swallowed.Contains(e.LocalName)).ToList())
        {
            element.Remove();
        }

        Sanitizer.SanitizeDom(document, body, string.Empty);
        foreach (var image in body.QuerySelectorAll("img").ToList())
        {
            // An image whose address was refused would show as a broken frame: it goes whole.
            if (string.IsNullOrEmpty(image.GetAttribute("src")))
            {
                image.Remove();
            }
        }

        foreach (var link in body.QuerySelectorAll("a"))
        {
            if (link.HasAttribute("href"))
            {
                link.SetAttribute("rel", LinkRel);
                link.SetAttribute("target", "_blank");
            }
        }

        var media = new List<Guid>();
        foreach (var image in body.QuerySelectorAll("img"))
        {
            if (MediaId(image.GetAttribute("src")) is { } id && !media.Contains(id))
            {
                media.Add(id);
            }
        }

        var text = Whitespace().Replace(Words(body), " ").Trim();
        return new Clean(body.ChildNodes.ToHtml(HtmlFormatter.Instance).Trim(), media, text);
    }

    /// <summary>
    /// The body's words as a reader sees them: a paragraph, heading or list item starts after a space, so a digest made
    /// of the first words does not run one block into the next ("early.How to brew").
    /// </summary>
    private static string Words(IElement body)
    {
        var words = new StringBuilder();
        foreach (var node in body.Descendants())
        {
            if (node is IText text)
            {
                words.Append(text.Data);
            }
            else if (node is IElement element && Blocks.Contains(element.LocalName))
            {
                words.Append(' ');
            }
        }

        return words.ToString();
    }

    /// <summary>
    /// The stored body as the public page shows it: the node's uploads through the article's own anonymous route,
    /// since people reading it there are not signed in.
    /// </summary>
    public static string ForPublicPage(string storedBody, Guid articleId)
    {
        using var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + storedBody);
        var body = document.Body!;
        var changed = false;
        foreach (var image in body.QuerySelectorAll("img"))
        {
            if (MediaId(image.GetAttribute("src")) is { } id)
            {
                image.SetAttribute("src", Article.PublicMediaPath(articleId, id));
                changed = true;
            }
        }

        return changed ? body.ChildNodes.ToHtml(HtmlFormatter.Instance).Trim() : storedBody;
    }

    /// <summary>The upload an image address names, when it is the node's own media path.</summary>
    public static Guid? MediaId(string? src) =>
        src is not null && src.StartsWith(MediaPrefix, StringComparison.Ordinal) && Ids.TryParse(src[MediaPrefix.Length..], out var id) ? id : null;

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "hr", "div", "span", "section", "h1", "h2", "h3", "h4", "h5", "h6",
                "strong", "b", "em", "i", "u", "s", "del", "ins", "sub", "sup", "small", "mark", "code", "pre",
                "blockquote", "ul", "ol", "li", "dl", "dt", "dd",
                "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col",
                "a", "img", "figure", "figcaption",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "href", "src", "alt", "title", "width", "height", "colspan", "rowspan", "start", "style",
            },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "color", "background-color", "text-align", "font-weight", "font-style", "text-decoration",
            },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        })
        {
            KeepChildNodes = true,
        };
        sanitizer.FilterUrl += (_, e) => e.SanitizedUrl = Address(e.Tag.LocalName, e.SanitizedUrl);
        return sanitizer;
    }

    /// <summary>What an address may be once HtmlSanitizer has kept it: null takes the attribute away.</summary>
    private static string? Address(string tag, string? url)
    {
        if (url is null)
        {
            return null;
        }

        if (tag == "img")
        {
            if (MediaId(url) is { } id)
            {
                return MediaPrefix + Ids.Format(id);
            }

            return Uri.TryCreate(url, UriKind.Absolute, out var image) && image.Scheme == Uri.UriSchemeHttps ? image.AbsoluteUri : null;
        }

        // Links: absolute only, so none points into the node's own API or pages with the reader's cookies.
        return Uri.TryCreate(url, UriKind.Absolute, out var link) && link.Scheme is "http" or "https" or "mailto" ? url : null;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
