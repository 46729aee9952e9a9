using System.Text;
using System.Text.Json;
using Acornima;
using Acornima.Ast;
using CompileError = Hutong.MiniPrograms.Compiler.CompileError;
using CompileException = Hutong.MiniPrograms.Compiler.CompileException;
using SourceText = Hutong.MiniPrograms.Compiler.SourceText;

namespace Hutong.MiniPrograms.Packages;

/// <summary>
/// One package JavaScript file made into a module of the logic bundle. The file is parsed (modern syntax, no
/// transpiling) so a syntax error names its line and column; <c>require("x")</c> literals are resolved to package
/// files; ES module syntax is rewritten in place, by the parser's positions, to the CommonJS registry.
/// </summary>
internal static class JsModule
{
    private static readonly ParserOptions ScriptOptions = new()
    {
        EcmaVersion = EcmaVersion.Latest,
        // CommonJS modules run inside a function, where a top-level return is legal.
        AllowReturnOutsideFunction = true,
    };

    private static readonly ParserOptions ModuleOptions = new() { EcmaVersion = EcmaVersion.Latest };

    /// <summary>
    /// Wraps <paramref name="text"/> as <c>define("file", function (require, module, exports) { ... })</c>. The
    /// added header shares the wrapper's line, so line N of the file is line N of the module body. <c>resolve</c> maps
    /// a literal module name, as written in the file, to a package .js path or null.
    /// </summary>
    public static string Wrap(string define, string file, string text, Func<string, string?> resolve)
    {
        var (program, isModule) = Parse(file, text);
        var source = new SourceText(file, text);
        var edits = new List<(int Start, int End, string Text)>();
        var header = new StringBuilder();
        var getters = new List<(string Exported, string Value)>();
        var imports = 0;

        string Require(StringLiteral literal)
        {
            var resolved = resolve(literal.Value)
                ?? throw source.Error(literal.Start, $"cannot find module '{literal.Value}'");
            return "require(" + JsonSerializer.Serialize(resolved) + ")";
        }

        string Temp() => "__hutong_m" + (imports++).ToString(System.Globalization.CultureInfo.InvariantCulture);

        void Blank(Node node) => edits.Add((node.Start, node.End, Blanked(text, node.Start, node.End)));

        if (isModule)
        {
            foreach (var statement in program.Body)
            {
                switch (statement)
                {
                    case ImportDeclaration import:
                    {
                        var temp = Temp();
                        header.Append("const ").Append(temp).Append(" = ").Append(Require(import.Source)).Append("; ");
                        foreach (var specifier in import.Specifiers)
                        {
                            var (local, value) = specifier switch
                            {
                                ImportDefaultSpecifier d => (d.Local.Name, $"__hutong_default({temp})"),
                                ImportNamespaceSpecifier n => (n.Local.Name, temp),
                                ImportSpecifier s => (s.Local.Name, temp + "[" + JsonSerializer.Serialize(Name(s.Imported)) + "]"),
                                _ => throw source.Error(specifier.Start, "unsupported import form"),
                            };
                            header.Append("const ").Append(local).Append(" = ").Append(value).Append("; ");
                        }

                        Blank(import);
                        break;
                    }

                    case ExportNamedDeclaration named when named.Declaration is { } declaration:
                        foreach (var name in DeclaredNames(declaration))
                        {
                            getters.Add((name, name));
                        }

                        edits.Add((named.Start, declaration.Start, Blanked(text, named.Start, declaration.Start)));
                        break;
                    case ExportNamedDeclaration named:
                    {
                        var from = named.Source is { } src ? Temp() : null;
                        if (from is not null)
                        {
                            header.Append("const ").Append(from).Append(" = ").Append(Require(named.Source!)).Append("; ");
                        }

                        foreach (var specifier in named.Specifiers)
                        {
                            var local = Name(specifier.Local);
                            getters.Add((Name(specifier.Exported), from is null ? local : from + "[" + JsonSerializer.Serialize(local) + "]"));
                        }

                        Blank(named);
                        break;
                    }

                    case ExportAllDeclaration all:
                    {
                        var temp = Temp();
                        header.Append("const ").Append(temp).Append(" = ").Append(Require(all.Source)).Append("; ");
                        if (all.Exported is { } exported)
                        {
                            getters.Add((Name(exported), temp));
                        }
                        else
                        {
                            header.Append("__hutong_star(exports, ").Append(temp).Append("); ");
                        }

                        Blank(all);
                        break;
                    }

                    case ExportDefaultDeclaration exportDefault:
                    {
                        var declaration = exportDefault.Declaration;
                        var named = declaration switch
                        {
                            FunctionDeclaration { Id: { } id } => id.Name,
                            ClassDeclaration { Id: { } id } => id.Name,
                            _ => null,
                        };
                        if (named is not null)
                        {
                            edits.Add((exportDefault.Start, declaration.Start, Blanked(text, exportDefault.Start, declaration.Start)));
                            getters.Add(("default", named));
                        }
                        else
                        {
                            var prefix = "var __hutong_default = ";
                            edits.Add((exportDefault.Start, declaration.Start, Pad(prefix, text, exportDefault.Start, declaration.Start)));
                            edits.Add((declaration.End, declaration.End, ";"));
                            getters.Add(("default", "__hutong_default"));
                        }

                        break;
                    }
                }
            }
        }

        // Requires anywhere in the file, and dynamic import() of a literal.
        var pending = new Stack<Node>();
        pending.Push(program);
        while (pending.TryPop(out var node))
        {
            switch (node)
            {
                case CallExpression { Callee: Identifier { Name: "require" }, Arguments: [StringLiteral literal] }:
                    edits.Add((literal.Start, literal.End, Require(literal)[8..^1]));
                    continue;
                case ImportExpression { Source: StringLiteral literal } dynamicImport:
                    edits.Add((dynamicImport.Start, dynamicImport.End, "Promise.resolve().then(() => " + Require(literal) + ")"));
                    continue;
                case ImportDeclaration or ExportAllDeclaration:
                    continue;
                case ExportNamedDeclaration { Declaration: null }:
                    continue;
            }

            foreach (var child in node.ChildNodes)
            {
                pending.Push(child);
            }
        }

        if (isModule)
        {
            var exports = new StringBuilder("__hutong_esm(exports, {");
            foreach (var (exported, value) in getters)
            {
                exports.Append(JsonSerializer.Serialize(exported)).Append(": () => ").Append(value).Append(", ");
            }

            header.Insert(0, exports.Append("}); ").ToString());
            header.Insert(0, "\"use strict\"; ");
        }

        var body = new StringBuilder(text);
        foreach (var (start, end, replacement) in edits.OrderByDescending(e => e.Start).ThenByDescending(e => e.End))
        {
            body.Remove(start, end - start).Insert(start, replacement);
        }

        return new StringBuilder()
            .Append(define).Append('(').Append(JsonSerializer.Serialize(file))
            .Append(", function (require, module, exports) {").Append(header).Append('\n')
            .Append(body).Append("\n});\n")
            .ToString();
    }

    /// <summary>Checks that a script parses, naming the file and position of the first syntax error.</summary>
    public static void CheckScript(string file, string text) => Parse(file, text, moduleAllowed: false);

    private static (Program Program, bool IsModule) Parse(string file, string text, bool moduleAllowed = true)
    {
        ParseErrorException? moduleError = null;
        if (moduleAllowed)
        {
            try
            {
                var module = new Parser(ModuleOptions).ParseModule(text, file);
                if (module.Body.Any(s => s is ImportDeclaration or ExportAllDeclaration or ExportNamedDeclaration or ExportDefaultDeclaration))
                {
                    return (module, true);
                }
            }
            catch (ParseErrorException e)
            {
                moduleError = e;
            }
        }

        try
        {
            return (new Parser(ScriptOptions).ParseScript(text, file), false);
        }
        catch (ParseErrorException scriptError)
        {
            // Only a file written as a module should be told about module syntax.
            var error = moduleError is not null && LooksLikeModule(text) ? moduleError : scriptError;
            // Acornima counts columns from 0; Hutong's errors count from 1.
            throw new CompileException(new CompileError(file, error.LineNumber, error.Column + 1, error.Error?.Description ?? error.Message));
        }
    }

    private static bool LooksLikeModule(string text) =>
        text.Contains("import ", StringComparison.Ordinal) || text.Contains("export ", StringComparison.Ordinal);

    private static string Name(Node node) => node switch
    {
        Identifier identifier => identifier.Name,
        StringLiteral literal => literal.Value,
        _ => throw new InvalidOperationException("a module name is an identifier or a string"),
    };

    private static IEnumerable<string> DeclaredNames(Node declaration)
    {
        switch (declaration)
        {
            case FunctionDeclaration { Id: { } id }:
                yield return id.Name;
                break;
            case ClassDeclaration { Id: { } id }:
                yield return id.Name;
                break;
            case VariableDeclaration variables:
                foreach (var declarator in variables.Declarations)
                {
                    foreach (var name in PatternNames(declarator.Id))
                    {
                        yield return name;
                    }
                }

                break;
        }
    }

    private static IEnumerable<string> PatternNames(Node? pattern)
    {
        switch (pattern)
        {
            case Identifier identifier:
                yield return identifier.Name;
                break;
            case ObjectPattern obj:
                foreach (var property in obj.Properties)
                {
                    var inner = property switch
                    {
                        AssignmentProperty p => p.Value,
                        RestElement r => r.Argument,
                        _ => null,
                    };
                    foreach (var name in PatternNames(inner))
                    {
                        yield return name;
                    }
                }

                break;
            case ArrayPattern array:
                foreach (var element in array.Elements)
                {
                    foreach (var name in PatternNames(element))
                    {
                        yield return name;
                    }
                }

                break;
            case AssignmentPattern assignment:
                foreach (var name in PatternNames(assignment.Left))
                {
                    yield return name;
                }

                break;
            case RestElement rest:
                foreach (var name in PatternNames(rest.Argument))
                {
                    yield return name;
                }

                break;
        }
    }

    /// <summary>Spaces in place of removed code, keeping its line breaks so later lines keep their numbers.</summary>
    private static string Blanked(string text, int start, int end)
    {
        var blank = new StringBuilder(end - start);
        for (var i = start; i < end; i++)
        {
            blank.Append(text[i] is '\n' or '\r' ? text[i] : ' ');
        }

        return blank.ToString();
    }

    private static string Pad(string replacement, string text, int start, int end)
    {
        var breaks = Blanked(text, start, end).Where(c => c is '\n' or '\r');
        return replacement + string.Concat(breaks);
    }
}
