using System.Globalization;
using System.Text;

namespace Hutong.Testing;

/// <summary>A scrape of <c>/metrics</c> (the Prometheus text format), read sample by sample.</summary>
public sealed class PrometheusText
{
    private PrometheusText(string text, IReadOnlyList<Sample> samples) => (Text, Samples) = (text, samples);

    public string Text { get; }

    public IReadOnlyList<Sample> Samples { get; }

    /// <summary>Scrapes <c>/metrics</c> with the client, failing unless it answers 200.</summary>
    public static async Task<PrometheusText> ScrapeAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri("/metrics", UriKind.Relative), cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"/metrics answered {(int)response.StatusCode}: {text}");
        return Parse(text);
    }

    public static PrometheusText Parse(string text)
    {
        var samples = new List<Sample>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length > 0 && line[0] != '#')
            {
                samples.Add(ParseSample(line.TrimEnd('\r')));
            }
        }

        return new PrometheusText(text, samples);
    }

    /// <summary>The samples of the series <paramref name="name"/> whose labels include every one of <paramref name="labels"/>.</summary>
    public IEnumerable<Sample> Of(string name, params (string Label, string Value)[] labels) =>
        Samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Label, out var value) && value == l.Value));

    /// <summary>The sum of <see cref="Of"/>: 0 when there is no such sample.</summary>
    public double Sum(string name, params (string Label, string Value)[] labels) => Of(name, labels).Sum(s => s.Value);

    public bool Has(string name) => Samples.Any(s => s.Name == name);

    /// <summary><c>name{label="value",...} value [timestamp]</c>; label values may hold escaped quotes.</summary>
    private static Sample ParseSample(string line)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var at = 0;
        while (at < line.Length && line[at] is not ('{' or ' '))
        {
            at++;
        }

        var name = line[..at];
        if (at < line.Length && line[at] == '{')
        {
            at++;
            while (line[at] != '}')
            {
                var equals = line.IndexOf('=', at);
                var label = line[at..equals].Trim();
                at = equals + 2; // past ="
                var value = new StringBuilder();
                for (; line[at] != '"'; at++)
                {
                    if (line[at] == '\\')
                    {
                        at++;
                        value.Append(line[at] == 'n' ? '\n' : line[at]);
                    }
                    else
                    {
                        value.Append(line[at]);
                    }
                }

                labels[label] = value.ToString();
                at++; // past the closing quote
                if (line[at] == ',')
                {
                    at++;
                }
            }

            at++;
        }

        var number = line[at..].Trim().Split(' ')[0];
        var parsed = number switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            _ => double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
        return new Sample(name, labels, parsed);
    }

    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);
}
