using System.Globalization;
using System.Text.Json;
using Hutong.Bench;

// dotnet run --project bench/Hutong.Bench -c Release -- <scenario> [--smoke] [--pairs N] [--window N] [--seconds N] [--out DIR]
// Scenarios: direct. "relay --port N" runs the raw relay baseline as a child process of the bench.
var options = Options.Parse(args);
using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(30));
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

if (options.Scenario == "relay")
{
    await RawRelay.RunAsync(options.Port, cancel.Token);
    return 0;
}

if (options.Scenario != "direct")
{
    Console.Error.WriteLine("usage: <direct> [--smoke] [--pairs N] [--window N] [--seconds N] [--out DIR]");
    return 2;
}

var results = new List<RunResult>();
await using (var relay = await Target.StartRelayAsync(cancel.Token))
{
    results.Add(await DirectScenario.RunAsync(relay, hutong: false, options.Pairs, options.Window, options.Duration, cancel.Token));
}

await using (var hutong = await Target.StartHutongAsync(options.ServerDll, cancel.Token))
{
    results.Add(await DirectScenario.RunAsync(hutong, hutong: true, options.Pairs, options.Window, options.Duration, cancel.Token));
}

var table = Report.Markdown(results);
Console.WriteLine(table);
Directory.CreateDirectory(options.Out);
var stamp = TimeProvider.System.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
await File.WriteAllTextAsync(Path.Combine(options.Out, $"{options.Scenario}-{stamp}.json"), JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }));
await File.WriteAllTextAsync(Path.Combine(options.Out, $"{options.Scenario}-{stamp}.md"), table);

// A smoke run proves the bench works end to end: every system must have delivered messages.
return results.All(r => r.SentPerSecond > 0 && r.DeliveredPerSecond > 0) ? 0 : 1;
