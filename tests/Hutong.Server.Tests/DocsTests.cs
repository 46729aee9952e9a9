using System.Globalization;
using System.Text.RegularExpressions;

namespace Hutong.Server.Tests;

/// <summary>
/// Every relative link and image in the README, <c>docs/</c> and the bench's README points at something in the
/// repository, and every anchor into a Markdown file at one of its headings, as GitHub names them.
/// </summary>
public sealed partial class DocsTests
{
    private static readonly string[] External = ["http://", "https://", "mailto:"];

    [Fact]
    public void Docs_EveryRelativeLink_PointsAtAFileOrHeadingInTheRepository()
    {
        var root = Repository.Root;
        var files = new[] { "README.md", Path.Combine("bench", "README.md") }
            .Select(f => Path.Combine(root, f))
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal));

        var broken = files.SelectMany(f => BrokenLinks(root, f, File.ReadAllText(f))).ToList();

        Assert.True(broken.Count == 0, $"Broken links:{Environment.NewLine}{string.Join(Environment.NewLine, broken)}");
    }

    [Fact]
    public void BrokenLinks_SampleWithCodeAndBadTargets_ReportsOnlyTheBadOnes()
    {
        var root = Repository.Root;
        const string sample = """
            # A heading, with `code`
            [fine](api.md) ![missing](screenshots/none.png) [here](#a-heading-with-code) [there](api.md#errors)
            [bad anchor](#nowhere) [bad anchor there](api.md#nowhere) [outside](../../outside.md)
            [web](https://example.com) [mail](mailto:someone@example.com) `[span](nope.md)` [dir](screenshots)
            ```sh
            [fenced](nope.md)
            ```
            [![badge](gone.svg)](product.md)
            """;

        var broken = BrokenLinks(root, Path.Combine(root, "docs", "sample.md"), sample);

        string[] expected =
        [
            "docs/sample.md: screenshots/none.png", "docs/sample.md: #nowhere", "docs/sample.md: api.md#nowhere",
            "docs/sample.md: ../../outside.md", "docs/sample.md: gone.svg",
        ];
        Assert.Equal(expected, broken);
    }

    /// <summary>Each link of <paramref name="markdown"/> (the text of <paramref name="file"/>) that leads nowhere, as "file: target".</summary>
    private static List<string> BrokenLinks(string root, string file, string markdown)
    {
        var name = Path.GetRelativePath(root, file).Replace('\\', '/');
        var broken = new List<string>();
        foreach (var target in Targets(CodeSpan().Replace(WithoutFences(markdown), " ")))
        {
            if (External.Any(prefix => target.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var hash = target.IndexOf('#', StringComparison.Ordinal);
            var path = Uri.UnescapeDataString(hash < 0 ? target : target[..hash]);
            var anchor = hash < 0 ? null : Uri.UnescapeDataString(target[(hash + 1)..]);
            var full = path.Length == 0 ? file : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, path));
            var found = full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && (path.Length == 0 || File.Exists(full) || Directory.Exists(full));
            if (found && anchor is { Length: > 0 } && full.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            {
                found = Slugs(path.Length == 0 ? markdown : File.ReadAllText(full)).Contains(anchor);
            }

            if (!found)
            {
                broken.Add($"{name}: {target}");
            }
        }

        return broken;
    }

    /// <summary>Link and image targets in order, those inside a link's text (an image in a link) included.</summary>
    private static IEnumerable<string> Targets(string text)
    {
        foreach (Match link in Link().Matches(text))
        {
            foreach (var inner in Targets(link.Groups["text"].Value))
            {
                yield return inner;
            }

            yield return link.Groups["target"].Value;
        }
    }

    /// <summary>The text with every line of a fenced code block (fences included) left empty.</summary>
    private static string WithoutFences(string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        string? fence = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].TrimStart(' ');
            var marker = lines[i].Length - trimmed.Length < 4 && trimmed.Length >= 3 && trimmed[..3] is "```" or "~~~" ? trimmed[..3] : null;
            if (fence is not null || marker is not null)
            {
                fence = fence is null ? marker : marker == fence ? null : fence;
                lines[i] = string.Empty;
            }
        }

        return string.Join('\n', lines);
    }

    /// <summary>GitHub's anchors for the headings: lower case, spaces as '-', only letters, digits, '-' and '_'; repeats get -1, -2...</summary>
    private static HashSet<string> Slugs(string markdown)
    {
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match heading in Heading().Matches(WithoutFences(markdown)))
        {
            var slug = new string([.. heading.Groups["text"].Value.ToLowerInvariant().Replace(' ', '-').Where(c => char.IsLetterOrDigit(c) || c is '-' or '_')]);
            var unique = slug;
            for (var n = 1; !slugs.Add(unique); n++)
            {
                unique = slug + "-" + n.ToString(CultureInfo.InvariantCulture);
            }
        }

        return slugs;
    }

    [GeneratedRegex(@"!?\[(?<text>(?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*(?:<(?<target>[^<>\n]*)>|(?<target>[^()\s]*(?:\([^()\s]*\)[^()\s]*)*))(?:\s+(?:""[^""]*""|'[^']*'))?\s*\)")]
    private static partial Regex Link();

    /// <summary>An inline code span; it ends at a run of as many backticks as opened it, and never crosses a blank line.</summary>
    [GeneratedRegex(@"(?<ticks>`+)(?:(?!\n[ \t]*\n).)+?\k<ticks>", RegexOptions.Singleline)]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"^ {0,3}#{1,6}[ \t]+(?<text>.*?)(?:[ \t]+#+)?[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex Heading();
}
