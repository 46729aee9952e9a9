using Hutong.Cli;

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C asks the command to stop (mp dev ends cleanly); a second one ends the process at once.
    if (!stop.IsCancellationRequested)
    {
        e.Cancel = true;
        stop.Cancel();
    }
};

return await HutongCli.RunAsync(args, CliContext.ForProcess(), stop.Token);
