using System.Globalization;
using System.Text;

namespace Hutong.Bench;

/// <summary>Markdown tables for the results; each result type names its columns and formats its rows.</summary>
internal static class Report
{
    public static string Table(string header, IEnumerable<string> rows)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"| {header} |");
        text.AppendLine("|" + string.Concat(Enumerable.Repeat("---|", header.Split(" | ").Length)));
        foreach (var row in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {row} |");
        }

        return text.ToString();
    }

    /// <summary>A figure against the raw relay's figure of the same run.</summary>
    public static string Ratio(double value, double? baseline) =>
        baseline is > 0 ? (value / baseline.Value).ToString("0.00", CultureInfo.InvariantCulture) + "x" : "-";
}
