namespace Hutong.MiniPrograms.Compiler;

/// <summary>A problem in a mini-program's source, at a 1-based line and column (UTF-16 code units) of a package file.</summary>
public sealed record CompileError(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
