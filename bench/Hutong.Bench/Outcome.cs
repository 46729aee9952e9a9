namespace Hutong.Bench;

/// <summary>What a scenario hands back: its table, its figures for the JSON file, and whether it worked.</summary>
internal sealed record Outcome(string Markdown, object Results, bool Worked)
{
    /// <summary>A chat run worked when every system delivered messages.</summary>
    public static Outcome Of(List<RunResult> results) =>
        new(RunResult.Markdown(results), results, results.All(r => r.SentPerSecond > 0 && r.DeliveredPerSecond > 0));
}
