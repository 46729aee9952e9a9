using System.Text;

namespace Hutong.Testing;

/// <summary>What a child process wrote on both its streams, gathered from their reader threads, for a failure to show.</summary>
public sealed class ProcessOutput
{
    private readonly StringBuilder _text = new();

    public void Append(string? line)
    {
        if (line is not null)
        {
            lock (_text)
            {
                _text.AppendLine(line);
            }
        }
    }

    public override string ToString()
    {
        lock (_text)
        {
            return _text.ToString();
        }
    }
}
