namespace Hutong.MiniPrograms.Compiler;

/// <summary>A compiled WXSS file: its CSS, and the resolved package paths of its <c>@import</c>s, in order.</summary>
public sealed record WxssResult(string Css, IReadOnlyList<string> Imports);
