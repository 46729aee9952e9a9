using System.Text;
using System.Text.Json;

namespace Hutong.MiniPrograms.Compiler;

/// <summary>
/// Compiles a WXML file to a <see cref="WxmlDocument"/>: bindings to expressions, <c>wx:</c> directives to
/// <see cref="IfNode"/> and <see cref="ForNode"/>, event attributes to <see cref="EventBinding"/>s, <c>data-*</c> to a
/// dataset, and template definitions, imports, includes and WXS modules recorded for the package step.
/// </summary>
public sealed class WxmlCompiler
{
    private static readonly (string Prefix, EventKind Kind)[] EventPrefixes =
    [
        ("capture-catch:", EventKind.CaptureCatch),
        ("capture-bind:", EventKind.CaptureBind),
        ("mut-bind:", EventKind.MutBind),
        ("catch:", EventKind.Catch),
        ("bind:", EventKind.Bind),
        ("catch", EventKind.Catch),
        ("bind", EventKind.Bind),
    ];

    private readonly SourceText source;
    private readonly Dictionary<string, IReadOnlyList<WxmlNode>> templates = new(StringComparer.Ordinal);
    private readonly List<string> imports = [];
    private readonly List<string> includes = [];
    private readonly List<WxsModule> wxs = [];

    private WxmlCompiler(SourceText source) => this.source = source;

    /// <summary>Compiles the WXML <paramref name="text"/> of the package file <paramref name="file"/>.</summary>
    /// <exception cref="CompileException">The markup or one of its bindings is not valid.</exception>
    public static WxmlDocument Compile(string file, string text)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(text);
        var compiler = new WxmlCompiler(new SourceText(file, text));
        var markup = new WxmlReader(compiler.source).Read();
        // A module may be declared after the bindings that call it, so calls are checked against the whole file's.
        compiler.source.WxsModules = compiler.DeclaredModules(markup);
        var nodes = compiler.CompileChildren(markup, preserveWhitespace: false);
        return new WxmlDocument(
            file,
            nodes,
            compiler.templates.Count == 0 ? null : compiler.templates,
            NullIfEmpty(compiler.imports),
            NullIfEmpty(compiler.includes),
            NullIfEmpty(compiler.wxs));
    }

    /// <summary>Compact JSON of a compiled document, as the renderer reads it.</summary>
    public static string ToJson(WxmlDocument document) => JsonSerializer.Serialize(document, MiniProgramJsonContext.Default.WxmlDocument);

    private HashSet<string> DeclaredModules(List<RawNode> nodes)
    {
        var modules = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<RawNode>(nodes);
        while (pending.TryPop(out var node))
        {
            if (node is not RawElement element)
            {
                continue;
            }

            if (element.Tag == "wxs" && Attribute(element, "module") is { ValueStart: >= 0 } module)
            {
                modules.Add(source.Text[module.ValueStart..module.ValueEnd].Trim());
            }

            foreach (var child in element.Children)
            {
                pending.Push(child);
            }
        }

        return modules;
    }

    private static List<T>? NullIfEmpty<T>(List<T> items) => items.Count == 0 ? null : items;

    private List<WxmlNode> CompileChildren(List<RawNode> children, bool preserveWhitespace)
    {
        var nodes = new List<WxmlNode>();
        List<IfBranch>? chain = null;
        foreach (var child in children)
        {
            if (child is RawText raw)
            {
                if (!preserveWhitespace && source.Text.AsSpan(raw.Offset, raw.End - raw.Offset).IsWhiteSpace())
                {
                    continue;
                }

                nodes.Add(new TextNode(ExpressionCompiler.CompileValue(source, raw.Offset, raw.End)));
                chain = null;
                continue;
            }

            var element = (RawElement)child;
            if (CompileDeclaration(element))
            {
                continue;
            }

            var directives = Directives.Read(source, element);
            var node = CompileElement(element);
            if (directives.For is { } list)
            {
                if (directives.If is { } perItem)
                {
                    node = new IfNode([new IfBranch(perItem, node)]);
                }

                nodes.Add(new ForNode(list, directives.Item, directives.Index, directives.Key, node));
                chain = null;
            }
            else if (directives.If is { } test)
            {
                chain = [new IfBranch(test, node)];
                nodes.Add(new IfNode(chain));
            }
            else if (directives.ElseOffset >= 0)
            {
                if (chain is null)
                {
                    var directive = directives.ElseIf is null ? "wx:else" : "wx:elif";
                    throw source.Error(directives.ElseOffset, $"{directive} must follow a sibling with wx:if or wx:elif");
                }

                chain.Add(new IfBranch(directives.ElseIf, node));
                if (directives.ElseIf is null)
                {
                    chain = null;
                }
            }
            else
            {
                nodes.Add(node);
                chain = null;
            }
        }

        return nodes;
    }

    /// <summary>Records a template definition, import or WXS module, which render nothing where they stand.</summary>
    private bool CompileDeclaration(RawElement element)
    {
        switch (element.Tag)
        {
            case "template" when Attribute(element, "name") is { } name:
                var templateName = Literal(name);
                if (templates.ContainsKey(templateName))
                {
                    throw source.Error(name.NameOffset, $"template '{templateName}' is defined twice");
                }

                templates[templateName] = CompileChildren(element.Children, preserveWhitespace: false);
                return true;
            case "import":
                imports.Add(ResolveSrc(element));
                return true;
            case "wxs":
                var module = Attribute(element, "module") ?? throw source.Error(element.Offset, "<wxs> needs a module attribute");
                var moduleName = Literal(module);
                if (wxs.Exists(m => m.Module == moduleName))
                {
                    throw source.Error(module.NameOffset, $"wxs module '{moduleName}' is declared twice");
                }

                var src = Attribute(element, "src") is null ? null : ResolveSrc(element);
                wxs.Add(new WxsModule(moduleName, src, src is null ? element.Content ?? "" : null));
                return true;
            default:
                return false;
        }
    }

    private WxmlNode CompileElement(RawElement element)
    {
        if (element.Tag == "include")
        {
            var src = ResolveSrc(element);
            includes.Add(src);
            return new IncludeNode(src);
        }

        if (element.Tag == "template")
        {
            var @is = Attribute(element, "is") ?? throw source.Error(element.Offset, "<template> needs a name (to define) or an is (to use)");
            var data = Attribute(element, "data") is { ValueStart: >= 0 } raw
                ? ExpressionCompiler.CompileValue(source, raw.ValueStart, raw.ValueEnd, objectBody: true) as ObjectLiteral
                    ?? throw source.Error(raw.NameOffset, "data of a template is one binding: data=\"{{...item, a: 1}}\"")
                : null;
            return new TemplateUseNode(Value(@is), data);
        }

        Dictionary<string, Expr>? attrs = null;
        List<EventBinding>? events = null;
        Dictionary<string, Expr>? dataset = null;
        foreach (var attribute in element.Attributes)
        {
            var name = attribute.Name;
            if (name.StartsWith("wx:", StringComparison.Ordinal))
            {
                continue;
            }

            if (name.StartsWith("data-", StringComparison.Ordinal) && name.Length > 5)
            {
                (dataset ??= new(StringComparer.Ordinal))[DatasetKey(name[5..])] = Value(attribute);
            }
            else if (Event(name) is { } binding)
            {
                if (binding.Name.Length == 0)
                {
                    throw source.Error(attribute.NameOffset, $"'{name}' names no event");
                }

                (events ??= []).Add(new EventBinding(binding.Kind, binding.Name, Value(attribute)));
            }
            else
            {
                (attrs ??= new(StringComparer.Ordinal))[name] = Value(attribute);
            }
        }

        var children = CompileChildren(element.Children, preserveWhitespace: element.Tag == "text");
        return new ElementNode(element.Tag, attrs, events, dataset, children.Count == 0 ? null : children);
    }

    private static (EventKind Kind, string Name)? Event(string attribute)
    {
        foreach (var (prefix, kind) in EventPrefixes)
        {
            if (attribute.StartsWith(prefix, StringComparison.Ordinal))
            {
                return (kind, attribute[prefix.Length..]);
            }
        }

        return null;
    }

    /// <summary>WeChat's dataset keys: lower case, each '-x' becoming 'X', so data-user-id is userId.</summary>
    internal static string DatasetKey(string name)
    {
        var key = new StringBuilder(name.Length);
        var upper = false;
        foreach (var c in name.ToLowerInvariant())
        {
            if (c == '-')
            {
                upper = true;
                continue;
            }

            key.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return key.ToString();
    }

    private static RawAttribute? Attribute(RawElement element, string name) => element.Attributes.Find(a => a.Name == name);

    private Expr Value(RawAttribute attribute) =>
        attribute.ValueStart < 0 ? new BooleanLiteral(true) : ExpressionCompiler.CompileValue(source, attribute.ValueStart, attribute.ValueEnd);

    private string Literal(RawAttribute attribute) =>
        attribute.ValueStart >= 0 && Value(attribute) is StringLiteral { Value.Length: > 0 } literal
            ? literal.Value
            : throw source.Error(attribute.NameOffset, $"'{attribute.Name}' must be a literal name");

    private string ResolveSrc(RawElement element)
    {
        var attribute = Attribute(element, "src") ?? throw source.Error(element.Offset, $"<{element.Tag}> needs a src attribute");
        return PackagePath.Resolve(source.File, Literal(attribute))
            ?? throw source.Error(attribute.ValueStart, $"src '{Literal(attribute)}' leaves the package");
    }
}
