using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Hutong.Contracts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Hutong.Server.Tests;

/// <summary>
/// Errors are a catalogue: every code a node answers with, over HTTP or in a gateway frame, is a constant of
/// <see cref="ErrorCodes"/>, has a row in the docs' error tables, and is taken from <see cref="ErrorCodes"/> wherever
/// src/ makes or compares one. (That the web client has a sentence for each is Hutong.Web.Tests' StringsTests.)
/// </summary>
public sealed partial class ErrorCatalogueTests
{
    /// <summary>The error tables: the API's, and the gateway's own frame codes in the protocol.</summary>
    private static readonly string[] ErrorTables = ["docs/api.md", "docs/protocol.md"];

    private static readonly Lazy<ErrorCodeScan> SourceScan = new(() => ErrorCodeScan.Run(SourceCompilations(), Repository.Root));

    private static HashSet<string> Catalogue() =>
        typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void ErrorCodes_EveryCode_HasARowInTheDocsErrorTables()
    {
        var documented = DocumentedCodes().Select(row => row.Code).ToHashSet(StringComparer.Ordinal);

        var missing = Catalogue().Where(code => !documented.Contains(code)).Order(StringComparer.Ordinal);

        Assert.Empty(missing);
    }

    [Fact]
    public void DocsErrorTables_EveryRow_IsAnErrorCodeDocumentedOnce()
    {
        var rows = DocumentedCodes();
        var catalogue = Catalogue();

        var unknown = rows.Where(row => !catalogue.Contains(row.Code)).Select(row => $"{row.File}: {row.Code}");
        var repeated = rows.GroupBy(row => row.Code).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Empty(unknown);
        Assert.Empty(repeated);
        Assert.All(rows, row => Assert.InRange(row.Status, 400, 599));
    }

    [Fact]
    public void Src_EveryErrorCode_IsTakenFromErrorCodes()
    {
        var scan = SourceScan.Value;

        Assert.True(scan.Violations.Count == 0, $"Codes not taken from ErrorCodes:{Environment.NewLine}{string.Join(Environment.NewLine, scan.Violations)}");
    }

    /// <summary>The merchant API's WeChat Pay codes are a catalogue of their own, each documented with the status it is answered with.</summary>
    [Fact]
    public void WeChatPayCodes_EveryCode_HasOneRowInThePaymentsGuide_WithItsStatus()
    {
        var text = File.ReadAllText(Path.Combine(Repository.Root, "docs/payments.md")).ReplaceLineEndings("\n");
        var section = ErrorsSection().Match(text);
        Assert.True(section.Success, "docs/payments.md has no '## Errors' section.");
        var rows = TableRow().Matches(section.Value).Select(m => (Code: m.Groups["code"].Value, Status: int.Parse(m.Groups["status"].Value, CultureInfo.InvariantCulture))).ToList();
        var answered = typeof(Hutong.Wallet.Merchants.V3.V3Errors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(Hutong.Core.Errors.Error))
            .Select(f => (Hutong.Core.Errors.Error)f.GetValue(null)!)
            .Concat(typeof(Hutong.Wallet.Merchants.V3.V3Errors).GetMethods(BindingFlags.Public | BindingFlags.Static)
                .Where(m => m.ReturnType == typeof(Hutong.Core.Errors.Error))
                .Select(m => (Hutong.Core.Errors.Error)m.Invoke(null, ["message"])!))
            .Select(e => (e.Code, e.Status))
            .ToList();
        var catalogue = typeof(Hutong.Wallet.Merchants.V3.WeChatPayCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(catalogue, rows.Select(r => r.Code).Order(StringComparer.Ordinal));
        Assert.Equal(catalogue, answered.Select(a => a.Code).Order(StringComparer.Ordinal));
        Assert.All(answered, a => Assert.Contains(a, rows));
    }

    /// <summary>Also the proof that the scan reads src/ at all: it finds every code at a place that returns it.</summary>
    [Fact]
    public void Src_EveryErrorCodesConstant_IsReturnedSomewhere()
    {
        var returned = SourceScan.Value.Returned;

        var neverReturned = Catalogue().Where(code => !returned.Contains(code)).Order(StringComparer.Ordinal);

        Assert.Empty(neverReturned);
    }

    [Fact]
    public void Src_EveryRazorCodeComparison_UsesErrorCodes()
    {
        var src = Path.Combine(Repository.Root, "src");

        var literals = Directory.EnumerateFiles(src, "*.razor", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .SelectMany(file => RazorCodeLiteral().Matches(File.ReadAllText(file)).Select(m => $"{Path.GetRelativePath(Repository.Root, file)}: {m.Value}"));

        Assert.Empty(literals);
    }

    [Fact]
    public void Scan_SampleWithCodesNotFromErrorCodes_ReportsEachOne()
    {
        const string sample = """
            using Hutong.Contracts;
            using Hutong.Core.Errors;

            namespace Hutong.Sample;

            internal static class Sample
            {
                private const string Hoisted = "hoisted_code";
                private static readonly Error Implicit = new("implicit_code", 409, "A title is not a code.");

                public static Error Literal() => Error.Conflict("some_new_code", "A title is not a code.");
                public static Error Fine(bool x) => Error.Conflict(x ? ErrorCodes.Conflict : Pick(x), "Nor is \"a_title\".");
                public static Error Constant() => Error.Forbidden(Hoisted, "Title.");
                public static Error Copied() => new Error(ErrorCodes.NotFound, 404, "Title.") with { Code = "with_code" };
                public static Error Built(int n) => Error.BadRequest($"built_{n}", "Title.");
                public static Error Local() { var code = "local_code"; return new(code, 400, "Title."); }
                private static string Pick(bool x) => x ? "picked_code" : ErrorCodes.BadRequest;
                public static bool Compared(Error e) => e.Code == "compared_code" || e is { Code: ErrorCodes.Conflict or "pattern_code" };
                public static int Switched(string code) => code switch { ErrorCodes.NotFound => 1, "switched_code" => 2, _ => 0 };
            }
            """;
        var compilation = Compile("Hutong.Sample", [CSharpSyntaxTree.ParseText(sample, path: Path.Combine(Repository.Root, "Sample.cs"), cancellationToken: TestContext.Current.CancellationToken)], References().Values);

        var scan = ErrorCodeScan.Run([compilation], Repository.Root);

        string[] expected =
        [
            "Sample.cs:8: \"hoisted_code\" (the code \"hoisted_code\" is not taken from ErrorCodes)",
            "Sample.cs:9: \"implicit_code\" (the code \"implicit_code\" is not taken from ErrorCodes)",
            "Sample.cs:11: \"some_new_code\" (the code \"some_new_code\" is not taken from ErrorCodes)",
            "Sample.cs:17: \"picked_code\" (the code \"picked_code\" is not taken from ErrorCodes)",
            "Sample.cs:14: \"with_code\" (the code \"with_code\" is not taken from ErrorCodes)",
            "Sample.cs:15: $\"built_{n}\" (a code built from text; take it from ErrorCodes)",
            "Sample.cs:16: \"local_code\" (the code \"local_code\" is not taken from ErrorCodes)",
            "Sample.cs:18: \"compared_code\" (the code \"compared_code\" is not taken from ErrorCodes)",
            "Sample.cs:18: \"pattern_code\" (the code \"pattern_code\" is not taken from ErrorCodes)",
            "Sample.cs:19: \"switched_code\" (the code \"switched_code\" is not taken from ErrorCodes)",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), scan.Violations.Order(StringComparer.Ordinal));
        Assert.Equal(["bad_request", "conflict", "not_found"], scan.Returned.Order(StringComparer.Ordinal));
    }

    /// <summary>The rows of the "## Errors" tables: <c>| `code` | status | when |</c>.</summary>
    private static List<(string File, string Code, int Status)> DocumentedCodes()
    {
        var rows = new List<(string File, string Code, int Status)>();
        foreach (var file in ErrorTables)
        {
            var text = File.ReadAllText(Path.Combine(Repository.Root, file)).ReplaceLineEndings("\n");
            var section = ErrorsSection().Match(text);
            Assert.True(section.Success, $"{file} has no '## Errors' section.");
            rows.AddRange(TableRow().Matches(section.Value)
                .Select(m => (file, m.Groups["code"].Value, int.Parse(m.Groups["status"].Value, CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    /// <summary>
    /// One compilation per project under src/, built as the SDK builds it (its sources, its global usings, the other
    /// projects as assemblies) but without source generators, which the scan does not need. Migrations are left out:
    /// dotnet-ef writes them, they return no errors, and they are half of src/'s lines.
    /// </summary>
    private static List<CSharpCompilation> SourceCompilations()
    {
        var references = References();
        var compilations = new List<CSharpCompilation>();
        foreach (var project in Directory.EnumerateFiles(Path.Combine(Repository.Root, "src"), "*.csproj", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(project);
            var directory = Path.GetDirectoryName(project)!;
            var sources = Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
                .Where(f => !Path.GetRelativePath(directory, f).Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin" or "Migrations"))
                .Append(GlobalUsings(name, directory))
                .Order(StringComparer.Ordinal)
                .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), ParseOptions, path: f, cancellationToken: TestContext.Current.CancellationToken));
            compilations.Add(Compile(name, sources, references.Where(r => r.Key != name).Select(r => r.Value)));
        }

        var syntaxErrors = compilations.SelectMany(c => c.SyntaxTrees).SelectMany(t => t.GetDiagnostics())
            .Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        Assert.True(syntaxErrors.Count == 0, $"The scan cannot parse src/:{Environment.NewLine}{string.Join(Environment.NewLine, syntaxErrors)}");
        return compilations;
    }

    private static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);

    private static CSharpCompilation Compile(string name, IEnumerable<SyntaxTree> sources, IEnumerable<MetadataReference> references) =>
        CSharpCompilation.Create(name, sources, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>The global usings the SDK wrote for a project when it was last built (implicit usings differ by SDK and package).</summary>
    private static string GlobalUsings(string project, string directory)
    {
        var obj = Path.Combine(directory, "obj");
        return (Directory.Exists(obj) ? Directory.EnumerateFiles(obj, $"{project}.GlobalUsings.g.cs", SearchOption.AllDirectories) : [])
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .FirstOrDefault()
            ?? throw new InvalidOperationException($"{project} has no obj/**/{project}.GlobalUsings.g.cs: build the solution first.");
    }

    /// <summary>
    /// What the projects compile against, by assembly name: the running framework, and this test's output folder,
    /// which holds every src/ project and its packages (test assemblies left out).
    /// </summary>
    private static Dictionary<string, MetadataReference> References()
    {
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return framework.Concat(Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll"))
            .Where(f => !Path.GetFileNameWithoutExtension(f).EndsWith(".Tests", StringComparison.Ordinal) && Path.GetFileNameWithoutExtension(f) != "Hutong.Testing")
            .DistinctBy(Path.GetFileNameWithoutExtension, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => (MetadataReference)MetadataReference.CreateFromFile(f), StringComparer.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"^## Errors[ \t]*\n.*?(?=^## |\z)", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex ErrorsSection();

    [GeneratedRegex(@"^\|\s*`(?<code>[^`]+)`\s*\|\s*(?<status>\d{3})\s*\|\s*\S.*\|\s*$", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    /// <summary>A quoted string compared with a code in markup's C#: <c>Code == "x"</c>, <c>{ Code: "x" }</c>, <c>code is "x"</c>.</summary>
    [GeneratedRegex(@"\b[Cc]ode\s*(?:==|!=|:|\bis\b(?:\s+not\b)?)\s*""[^""]*""")]
    private static partial Regex RazorCodeLiteral();
}
