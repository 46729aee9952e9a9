namespace Hutong.MiniPrograms.Compiler;

// The markup as written, before directives are read: what WxmlReader produces and WxmlCompiler consumes.

internal abstract record RawNode(int Offset);

internal sealed record RawText(int Offset, int End) : RawNode(Offset);

/// <summary>An attribute; <see cref="ValueStart"/> is -1 when it has no value (<c>&lt;input disabled&gt;</c>).</summary>
internal sealed record RawAttribute(string Name, int NameOffset, int ValueStart, int ValueEnd);

internal sealed record RawElement(string Tag, int Offset, List<RawAttribute> Attributes, List<RawNode> Children) : RawNode(Offset)
{
    /// <summary>The unparsed content of a <c>&lt;wxs&gt;</c> element.</summary>
    public string? Content { get; set; }
}
