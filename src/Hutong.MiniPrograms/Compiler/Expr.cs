using System.Text.Json.Serialization;

namespace Hutong.MiniPrograms.Compiler;

// The expression AST is one closed hierarchy read as a whole by the renderer, so its kinds share this file.
// JSON: every node is an object whose "k" names its kind; short property names keep templates small on the wire.

/// <summary>A compiled <c>{{ }}</c> expression. The renderer evaluates it; nothing is ever passed to eval.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "k")]
[JsonDerivedType(typeof(NumberLiteral), "num")]
[JsonDerivedType(typeof(StringLiteral), "str")]
[JsonDerivedType(typeof(BooleanLiteral), "bool")]
[JsonDerivedType(typeof(NullLiteral), "null")]
[JsonDerivedType(typeof(UndefinedLiteral), "undef")]
[JsonDerivedType(typeof(Identifier), "id")]
[JsonDerivedType(typeof(MemberAccess), "mem")]
[JsonDerivedType(typeof(IndexAccess), "idx")]
[JsonDerivedType(typeof(UnaryOperation), "un")]
[JsonDerivedType(typeof(BinaryOperation), "bin")]
[JsonDerivedType(typeof(Conditional), "cond")]
[JsonDerivedType(typeof(ArrayLiteral), "arr")]
[JsonDerivedType(typeof(ObjectLiteral), "obj")]
[JsonDerivedType(typeof(WxsCall), "wxs")]
[JsonDerivedType(typeof(Concatenation), "cat")]
public abstract record Expr;

/// <summary><c>{"k":"num","v":1.5}</c></summary>
public sealed record NumberLiteral([property: JsonPropertyName("v")] double Value) : Expr;

/// <summary><c>{"k":"str","v":"text"}</c>; also every literal attribute value and text.</summary>
public sealed record StringLiteral([property: JsonPropertyName("v")] string Value) : Expr;

/// <summary><c>{"k":"bool","v":true}</c></summary>
public sealed record BooleanLiteral([property: JsonPropertyName("v")] bool Value) : Expr;

/// <summary><c>{"k":"null"}</c></summary>
public sealed record NullLiteral : Expr;

/// <summary><c>{"k":"undef"}</c></summary>
public sealed record UndefinedLiteral : Expr;

/// <summary>A name looked up in the page data or a loop scope: <c>{"k":"id","n":"item"}</c>.</summary>
public sealed record Identifier([property: JsonPropertyName("n")] string Name) : Expr;

/// <summary><c>a.b</c>: <c>{"k":"mem","o":{...},"n":"b"}</c>.</summary>
public sealed record MemberAccess(
    [property: JsonPropertyName("o")] Expr Target,
    [property: JsonPropertyName("n")] string Name) : Expr;

/// <summary><c>a[i]</c>: <c>{"k":"idx","o":{...},"i":{...}}</c>.</summary>
public sealed record IndexAccess(
    [property: JsonPropertyName("o")] Expr Target,
    [property: JsonPropertyName("i")] Expr Index) : Expr;

/// <summary><c>!a</c>, <c>-a</c>, <c>+a</c>: <c>{"k":"un","op":"!","a":{...}}</c>.</summary>
public sealed record UnaryOperation(
    [property: JsonPropertyName("op")] string Operator,
    [property: JsonPropertyName("a")] Expr Operand) : Expr;

/// <summary>
/// Arithmetic, comparison and the logical <c>&amp;&amp;</c> and <c>||</c> (which the renderer short-circuits):
/// <c>{"k":"bin","op":"+","l":{...},"r":{...}}</c>.
/// </summary>
public sealed record BinaryOperation(
    [property: JsonPropertyName("op")] string Operator,
    [property: JsonPropertyName("l")] Expr Left,
    [property: JsonPropertyName("r")] Expr Right) : Expr;

/// <summary><c>t ? y : n</c>: <c>{"k":"cond","t":{...},"y":{...},"n":{...}}</c>.</summary>
public sealed record Conditional(
    [property: JsonPropertyName("t")] Expr Test,
    [property: JsonPropertyName("y")] Expr Then,
    [property: JsonPropertyName("n")] Expr Else) : Expr;

/// <summary><c>[a, b]</c>: <c>{"k":"arr","a":[...]}</c>.</summary>
public sealed record ArrayLiteral([property: JsonPropertyName("a")] IReadOnlyList<Expr> Items) : Expr;

/// <summary><c>{a: 1, ...b}</c>: <c>{"k":"obj","e":[{"n":"a","v":{...}},{"v":{...}}]}</c>; an entry without a name is a spread.</summary>
public sealed record ObjectLiteral([property: JsonPropertyName("e")] IReadOnlyList<ObjectEntry> Entries) : Expr;

/// <summary>One property of an object literal; <see cref="Name"/> is null for <c>...value</c>.</summary>
public sealed record ObjectEntry(
    [property: JsonPropertyName("n")] string? Name,
    [property: JsonPropertyName("v")] Expr Value);

/// <summary>
/// A call of a function exported by a WXS module, the only call a template may make:
/// <c>m.fn(x)</c> is <c>{"k":"wxs","m":"m","f":"fn","a":[...]}</c>.
/// </summary>
public sealed record WxsCall(
    [property: JsonPropertyName("m")] string Module,
    [property: JsonPropertyName("f")] string Function,
    [property: JsonPropertyName("a")] IReadOnlyList<Expr> Arguments) : Expr;

/// <summary>Literal text mixed with bindings, joined as strings: <c>{"k":"cat","a":[...]}</c>.</summary>
public sealed record Concatenation([property: JsonPropertyName("a")] IReadOnlyList<Expr> Parts) : Expr;
