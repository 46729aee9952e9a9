namespace Hutong.MiniPrograms.Compiler;

/// <summary>The <c>wx:</c> attributes of one element.</summary>
internal sealed record Directives(Expr? If, Expr? ElseIf, int ElseOffset, Expr? For, string Item, string Index, string? Key)
{
    public static Directives Read(SourceText source, RawElement element)
    {
        Expr? @if = null, elseIf = null, @for = null;
        var elseOffset = -1;
        string item = "item", index = "index";
        string? key = null;
        var conditions = 0;
        foreach (var attribute in element.Attributes)
        {
            if (!attribute.Name.StartsWith("wx:", StringComparison.Ordinal))
            {
                continue;
            }

            switch (attribute.Name)
            {
                case "wx:if":
                    @if = Binding(source, attribute);
                    conditions++;
                    break;
                case "wx:elif":
                    elseIf = Binding(source, attribute);
                    elseOffset = attribute.NameOffset;
                    conditions++;
                    break;
                case "wx:else":
                    elseOffset = attribute.NameOffset;
                    conditions++;
                    break;
                case "wx:for" or "wx:for-items":
                    @for = Binding(source, attribute);
                    break;
                case "wx:for-item":
                    item = Name(source, attribute);
                    break;
                case "wx:for-index":
                    index = Name(source, attribute);
                    break;
                case "wx:key":
                    key = Name(source, attribute);
                    break;
                default:
                    throw source.Error(attribute.NameOffset, $"unknown directive '{attribute.Name}'");
            }

            if (conditions > 1)
            {
                throw source.Error(attribute.NameOffset, "an element takes one of wx:if, wx:elif and wx:else");
            }
        }

        if (@for is not null && elseOffset >= 0)
        {
            throw source.Error(elseOffset, "wx:for cannot carry wx:elif or wx:else; wrap it in a <block>");
        }

        return new Directives(@if, elseIf, elseOffset, @for, item, index, key);
    }

    private static Expr Binding(SourceText source, RawAttribute attribute) =>
        attribute.ValueStart < 0
            ? throw source.Error(attribute.NameOffset, $"{attribute.Name} needs a value")
            : ExpressionCompiler.CompileValue(source, attribute.ValueStart, attribute.ValueEnd);

    private static string Name(SourceText source, RawAttribute attribute)
    {
        var value = attribute.ValueStart < 0 ? "" : source.Text[attribute.ValueStart..attribute.ValueEnd].Trim();
        return value.Length > 0 && !value.Contains("{{", StringComparison.Ordinal)
            ? value
            : throw source.Error(attribute.NameOffset, $"{attribute.Name} must be a plain name");
    }
}
