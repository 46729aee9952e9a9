namespace Hutong.MiniPrograms.Compiler;

/// <summary>Thrown by the markup, expression and style compilers; carries the <see cref="CompileError"/>.</summary>
public sealed class CompileException : Exception
{
    public CompileException()
        : this(new CompileError("", 0, 0, "compile error"))
    {
    }

    public CompileException(string message)
        : this(new CompileError("", 0, 0, message))
    {
    }

    public CompileException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = new CompileError("", 0, 0, message);
    }

    public CompileException(CompileError error)
        : base(error?.ToString())
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    public CompileError Error { get; }
}
