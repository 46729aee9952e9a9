using System.Text.Json.Serialization;

namespace Hutong.MiniPrograms.Compiler;

// The template tree is one closed hierarchy the renderer switches on, so its kinds share this file.
// JSON: every node is an object whose "k" names its kind; empty collections are left out.

/// <summary>A node of a compiled WXML template.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "k")]
[JsonDerivedType(typeof(ElementNode), "el")]
[JsonDerivedType(typeof(TextNode), "text")]
[JsonDerivedType(typeof(IfNode), "if")]
[JsonDerivedType(typeof(ForNode), "for")]
[JsonDerivedType(typeof(TemplateUseNode), "tpl")]
[JsonDerivedType(typeof(IncludeNode), "include")]
public abstract record WxmlNode;

/// <summary>
/// An element: <c>{"k":"el","tag":"view","attrs":{"class":{...}},"events":[...],"dataset":{"userId":{...}},"children":[...]}</c>.
/// <c>block</c> is an element too; the renderer renders only its children.
/// </summary>
public sealed record ElementNode(
    string Tag,
    IReadOnlyDictionary<string, Expr>? Attrs,
    IReadOnlyList<EventBinding>? Events,
    IReadOnlyDictionary<string, Expr>? Dataset,
    IReadOnlyList<WxmlNode>? Children) : WxmlNode;

/// <summary>Text: <c>{"k":"text","v":{...}}</c>; literal text is a <see cref="StringLiteral"/>.</summary>
public sealed record TextNode([property: JsonPropertyName("v")] Expr Value) : WxmlNode;

/// <summary>
/// A <c>wx:if</c> / <c>wx:elif</c> / <c>wx:else</c> chain of sibling elements: the first branch whose test holds
/// is rendered; <c>wx:else</c> is a branch without a test.
/// </summary>
public sealed record IfNode(IReadOnlyList<IfBranch> Branches) : WxmlNode;

/// <summary>One branch of an <see cref="IfNode"/>: <c>{"test":{...},"node":{...}}</c>.</summary>
public sealed record IfBranch(Expr? Test, WxmlNode Node);

/// <summary>
/// <c>wx:for</c>: <c>{"k":"for","list":{...},"item":"item","index":"index","key":"id","node":{...}}</c>. The node is
/// rendered once per item; a <c>wx:if</c> on the same element is inside it, tested per item, as WeChat does.
/// <see cref="Key"/> is a property name or <c>*this</c>, as written.
/// </summary>
public sealed record ForNode(Expr List, string Item, string Index, string? Key, WxmlNode Node) : WxmlNode;

/// <summary><c>&lt;template is="..." data="{{...}}"/&gt;</c>: <c>{"k":"tpl","is":{...},"data":{"k":"obj",...}}</c>.</summary>
public sealed record TemplateUseNode(Expr Is, ObjectLiteral? Data) : WxmlNode;

/// <summary><c>&lt;include src&gt;</c>, resolved against the package: <c>{"k":"include","src":"pages/a/header.wxml"}</c>.</summary>
public sealed record IncludeNode(string Src) : WxmlNode;

/// <summary>How an event handler is attached; in JSON as WeChat spells the prefix ("bind", "mut-bind", ...).</summary>
public enum EventKind
{
    /// <summary><c>bindtap</c>, <c>bind:tap</c>: bubbles on.</summary>
    [JsonStringEnumMemberName("bind")]
    Bind,

    /// <summary><c>catchtap</c>, <c>catch:tap</c>: stops bubbling.</summary>
    [JsonStringEnumMemberName("catch")]
    Catch,

    /// <summary><c>mut-bind:tap</c>: mutually exclusive with other mut-bind handlers on the way up.</summary>
    [JsonStringEnumMemberName("mut-bind")]
    MutBind,

    /// <summary><c>capture-bind:tap</c>: during the capture phase.</summary>
    [JsonStringEnumMemberName("capture-bind")]
    CaptureBind,

    /// <summary><c>capture-catch:tap</c>: during the capture phase, and stops it.</summary>
    [JsonStringEnumMemberName("capture-catch")]
    CaptureCatch,
}

/// <summary>An event attribute: <c>{"kind":"bind","name":"tap","handler":{"k":"str","v":"onTap"}}</c>.</summary>
public sealed record EventBinding(EventKind Kind, string Name, Expr Handler);

/// <summary>
/// A <c>&lt;wxs module&gt;</c>: its script inline (<c>"code"</c> in JSON), or the resolved <see cref="Src"/> of its file.
/// Not "Code" in C#: a member of that name carries an error code everywhere else in Hutong.
/// </summary>
public sealed record WxsModule(string Module, string? Src, [property: JsonPropertyName("code")] string? Script);

/// <summary>
/// A compiled WXML file: its top-level <see cref="Nodes"/>, the templates it defines by name, and the files it refers
/// to (imports make their templates usable here; includes are also nodes where they stand).
/// </summary>
public sealed record WxmlDocument(
    string File,
    IReadOnlyList<WxmlNode> Nodes,
    IReadOnlyDictionary<string, IReadOnlyList<WxmlNode>>? Templates,
    IReadOnlyList<string>? Imports,
    IReadOnlyList<string>? Includes,
    IReadOnlyList<WxsModule>? Wxs);
