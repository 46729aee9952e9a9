namespace Hutong.MiniPrograms.Compiler;

/// <summary>A package file's text with the line starts needed to name a position in an error.</summary>
internal sealed class SourceText
{
    private readonly List<int> lineStarts = [0];

    public SourceText(string file, string text)
    {
        File = file;
        Text = text;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lineStarts.Add(i + 1);
            }
        }
    }

    public string File { get; }

    public string Text { get; }

    /// <summary>The WXS modules this file's bindings may call; null for a lone expression, which may call any.</summary>
    public IReadOnlySet<string>? WxsModules { get; set; }

    public (int Line, int Column) Position(int offset)
    {
        var index = lineStarts.BinarySearch(offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - lineStarts[line] + 1);
    }

    public CompileException Error(int offset, string message)
    {
        var (line, column) = Position(offset);
        return new CompileException(new CompileError(File, line, column, message));
    }
}
