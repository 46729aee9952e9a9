using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Hutong.Server.Tests;

/// <summary>
/// Reads compiled C# for every place an error code is made or compared, and says where one does not come from
/// <c>ErrorCodes</c>. A code is what reaches a <c>string</c> parameter named <c>code</c>, a <c>string</c> member named
/// <c>Code</c> (assigned, or compared with <c>==</c>, <c>!=</c> or a pattern) of a Hutong assembly, or a
/// <c>["code"]</c> entry. The scan follows a value back through conditionals, <c>??</c>, switch expressions, locals,
/// constants, static fields and the methods and properties of the scanned code that return it,
/// so hoisting a literal into a constant or a helper does not hide it. A value that arrives from elsewhere (a
/// parameter, <c>error.Code</c>) was checked where it was made.
/// </summary>
internal sealed class ErrorCodeScan
{
    private readonly IReadOnlyList<CSharpCompilation> _compilations;
    private readonly string _root;
    private readonly ConcurrentDictionary<string, bool> _violations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = [];
    private readonly ConcurrentDictionary<string, bool> _returned = new(StringComparer.Ordinal);

    private ErrorCodeScan(IReadOnlyList<CSharpCompilation> compilations, string root)
    {
        _compilations = compilations;
        _root = root;
    }

    /// <summary>Each code that does not come from ErrorCodes, as "file:line: expression (why)", in order.</summary>
    public IReadOnlyList<string> Violations => [.. _violations.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The ErrorCodes values that reach a place where a code is made (not only compared).</summary>
    public IReadOnlySet<string> Returned => _returned.Keys.ToHashSet(StringComparer.Ordinal);

    /// <summary>Scans <paramref name="compilations"/>; paths in the report are relative to <paramref name="root"/>.</summary>
    public static ErrorCodeScan Run(IReadOnlyList<CSharpCompilation> compilations, string root)
    {
        var scan = new ErrorCodeScan(compilations, root);
        // Semantic models are safe to share between threads, and binding is most of the time the scan takes.
        Parallel.ForEach(compilations.SelectMany(c => c.SyntaxTrees), tree => scan.Visit(scan.ModelFor(tree), tree.GetRoot()));
        return scan;
    }

    private void Visit(SemanticModel model, SyntaxNode root)
    {
        foreach (var node in root.DescendantNodes())
        {
            switch (node)
            {
                case ArgumentListSyntax { Parent: { } call } arguments:
                    VisitArguments(model, call, arguments);
                    break;
                case AssignmentExpressionSyntax assignment when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && IsCodeTarget(model, assignment.Left):
                    Trace(model, assignment.Right, made: true, []);
                    break;
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.EqualsExpression) || binary.IsKind(SyntaxKind.NotEqualsExpression):
                    if (IsCodeValue(model, binary.Left))
                    {
                        Trace(model, binary.Right, made: false, []);
                    }

                    if (IsCodeValue(model, binary.Right))
                    {
                        Trace(model, binary.Left, made: false, []);
                    }

                    break;
                case ConstantPatternSyntax pattern when Subject(pattern) is { } subject && IsCodeValue(model, subject):
                    Trace(model, pattern.Expression, made: false, []);
                    break;
                case CaseSwitchLabelSyntax { Parent.Parent: SwitchStatementSyntax statement } label when IsCodeValue(model, statement.Expression):
                    Trace(model, label.Value, made: false, []);
                    break;
            }
        }
    }

    private void VisitArguments(SemanticModel model, SyntaxNode call, ArgumentListSyntax arguments)
    {
        var info = model.GetSymbolInfo(call);
        if ((info.Symbol ?? info.CandidateSymbols.FirstOrDefault()) is not IMethodSymbol method || !IsOurs(method.ContainingAssembly))
        {
            return;
        }

        for (var i = 0; i < arguments.Arguments.Count; i++)
        {
            var argument = arguments.Arguments[i];
            var parameter = argument.NameColon is { } name
                ? method.Parameters.FirstOrDefault(p => p.Name == name.Name.Identifier.ValueText)
                : i < method.Parameters.Length ? method.Parameters[i] : null;
            if (parameter is not null && IsCode(parameter.Name, parameter.Type))
            {
                Trace(model, argument.Expression, made: true, []);
            }
        }
    }

    /// <summary>A <c>["code"]</c> entry, a local or parameter named code, or a member named Code of the scanned code, being assigned.</summary>
    private bool IsCodeTarget(SemanticModel model, ExpressionSyntax left) => left switch
    {
        ElementAccessExpressionSyntax { ArgumentList.Arguments: [var key] } => IsCodeKey(model, key),
        ImplicitElementAccessSyntax { ArgumentList.Arguments: [var key] } => IsCodeKey(model, key),
        _ => IsCodeValue(model, left) && model.GetSymbolInfo(left).Symbol switch
        {
            ILocalSymbol or IParameterSymbol => true,
            var member => IsOurs(member?.ContainingAssembly),
        },
    };

    private static bool IsCodeKey(SemanticModel model, ArgumentSyntax key) =>
        model.GetConstantValue(key.Expression) is { HasValue: true, Value: "code" };

    /// <summary>A string parameter, local, field or property named code (in any case).</summary>
    private static bool IsCodeValue(SemanticModel model, ExpressionSyntax expression) => model.GetSymbolInfo(expression).Symbol switch
    {
        IParameterSymbol p => IsCode(p.Name, p.Type),
        ILocalSymbol l => IsCode(l.Name, l.Type),
        IFieldSymbol f => IsCode(f.Name, f.Type),
        IPropertySymbol p => IsCode(p.Name, p.Type),
        _ => false,
    };

    private static bool IsCode(string name, ITypeSymbol type) =>
        string.Equals(name, "code", StringComparison.OrdinalIgnoreCase) && type.SpecialType == SpecialType.System_String;

    /// <summary>Whether a symbol is Hutong's own, whose parameters and members named code carry error codes.</summary>
    private static bool IsOurs(IAssemblySymbol? assembly) => assembly?.Name.StartsWith("Hutong.", StringComparison.Ordinal) == true;

    /// <summary>
    /// The catalogues: Hutong's own, and WeChat Pay's codes that the <c>/v3</c> merchant API answers with
    /// (<c>WeChatPayCodes</c>, documented in docs/payments.md), which merchant code written for WeChat compares.
    /// </summary>
    private static bool IsErrorCodes(INamedTypeSymbol? type) =>
        type is { Name: "ErrorCodes", ContainingNamespace: var ns } && ns.ToDisplayString() == "Hutong.Contracts"
        || type is { Name: "WeChatPayCodes", ContainingNamespace: var payNs } && payNs.ToDisplayString() == "Hutong.Wallet.Merchants.V3";

    /// <summary>The value a constant pattern is matched against: of an <c>is</c>, a switch, or a property pattern.</summary>
    private static ExpressionSyntax? Subject(ConstantPatternSyntax pattern)
    {
        SyntaxNode node = pattern;
        while (node.Parent is BinaryPatternSyntax or ParenthesizedPatternSyntax or UnaryPatternSyntax)
        {
            node = node.Parent;
        }

        return node.Parent switch
        {
            IsPatternExpressionSyntax isPattern => isPattern.Expression,
            SwitchExpressionArmSyntax { Parent: SwitchExpressionSyntax switchExpression } => switchExpression.GoverningExpression,
            CasePatternSwitchLabelSyntax { Parent.Parent: SwitchStatementSyntax statement } => statement.Expression,
            SubpatternSyntax subpattern => (ExpressionSyntax?)subpattern.NameColon?.Name ?? subpattern.ExpressionColon?.Expression,
            _ => null,
        };
    }

    /// <summary>
    /// Follows <paramref name="expression"/> back to where its value comes from. A constant must be an ErrorCodes
    /// field; <paramref name="made"/> says the value is an error being made, whose codes count as returned.
    /// </summary>
    private void Trace(SemanticModel model, ExpressionSyntax expression, bool made, HashSet<SyntaxNode> seen)
    {
        if (!seen.Add(expression))
        {
            return;
        }

        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                Trace(model, parenthesized.Expression, made, seen);
                return;
            case CastExpressionSyntax cast:
                Trace(model, cast.Expression, made, seen);
                return;
            case PostfixUnaryExpressionSyntax suppressed when suppressed.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                Trace(model, suppressed.Operand, made, seen);
                return;
            case ConditionalExpressionSyntax conditional:
                Trace(model, conditional.WhenTrue, made, seen);
                Trace(model, conditional.WhenFalse, made, seen);
                return;
            case BinaryExpressionSyntax coalesce when coalesce.IsKind(SyntaxKind.CoalesceExpression):
                Trace(model, coalesce.Left, made, seen);
                Trace(model, coalesce.Right, made, seen);
                return;
            case SwitchExpressionSyntax switchExpression:
                foreach (var arm in switchExpression.Arms)
                {
                    Trace(model, arm.Expression, made, seen);
                }

                return;
            case InterpolatedStringExpressionSyntax:
                Report(expression, "a code built from text; take it from ErrorCodes");
                return;
        }

        var symbol = model.GetSymbolInfo(expression).Symbol;
        if (symbol is IFieldSymbol { ContainingType: var type } codeField && IsErrorCodes(type))
        {
            if (made && codeField.ConstantValue is string code)
            {
                _returned.TryAdd(code, true);
            }

            return;
        }

        var sources = symbol switch
        {
            ILocalSymbol or IFieldSymbol => Declarations(symbol).Select(d => (d as VariableDeclaratorSyntax)?.Initializer?.Value),
            IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.LocalFunction } method when IsOurs(method.ContainingAssembly) =>
                Declarations(method).SelectMany(Returns),
            IPropertySymbol property when IsOurs(property.ContainingAssembly) =>
                Declarations(property).SelectMany(Returns),
            _ => [],
        };
        var followed = false;
        foreach (var source in sources.OfType<ExpressionSyntax>())
        {
            followed = true;
            Trace(ModelFor(source.SyntaxTree), source, made, seen);
        }

        if (!followed && model.GetConstantValue(expression) is { HasValue: true, Value: string text })
        {
            Report(expression, $"the code \"{text}\" is not taken from ErrorCodes");
        }
    }

    /// <summary>Where <paramref name="symbol"/> is declared in the scanned source, in this assembly or another.</summary>
    private IEnumerable<SyntaxNode> Declarations(ISymbol symbol)
    {
        var declared = symbol.DeclaringSyntaxReferences;
        if (declared.IsEmpty && symbol.ContainingAssembly is { } assembly && symbol.GetDocumentationCommentId() is { } id
            && _compilations.FirstOrDefault(c => c.AssemblyName == assembly.Name) is { } owner)
        {
            declared = DocumentationCommentId.GetFirstSymbolForDeclarationId(id, owner)?.DeclaringSyntaxReferences ?? [];
        }

        return declared.Select(r => r.GetSyntax());
    }

    /// <summary>The expressions a method, local function or property returns, leaving out nested lambdas' returns.</summary>
    private static IEnumerable<ExpressionSyntax?> Returns(SyntaxNode declaration)
    {
        var arrow = declaration switch
        {
            MethodDeclarationSyntax m => m.ExpressionBody,
            LocalFunctionStatementSyntax f => f.ExpressionBody,
            PropertyDeclarationSyntax p => p.ExpressionBody,
            AccessorDeclarationSyntax a => a.ExpressionBody,
            _ => null,
        };
        if (arrow is not null)
        {
            return [arrow.Expression];
        }

        if (declaration is PropertyDeclarationSyntax { AccessorList: { } accessors })
        {
            return accessors.Accessors.Where(a => a.IsKind(SyntaxKind.GetAccessorDeclaration)).SelectMany(Returns);
        }

        return declaration
            .DescendantNodes(n => n == declaration || n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            .OfType<ReturnStatementSyntax>()
            .Select(r => r.Expression);
    }

    private SemanticModel ModelFor(SyntaxTree tree) =>
        _models.GetOrAdd(tree, t => _compilations.First(c => c.ContainsSyntaxTree(t)).GetSemanticModel(t));

    private void Report(SyntaxNode node, string why)
    {
        var line = node.GetLocation().GetLineSpan();
        var path = Path.GetRelativePath(_root, line.Path).Replace('\\', '/');
        _violations.TryAdd($"{path}:{line.StartLinePosition.Line + 1}: {node} ({why})", true);
    }
}
