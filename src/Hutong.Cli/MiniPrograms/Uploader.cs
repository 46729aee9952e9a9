using Hutong.Client;
using Hutong.Contracts.MiniPrograms;
using Spectre.Console;

namespace Hutong.Cli.MiniPrograms;

/// <summary>Packs a project and uploads it under a version number, with a progress bar fed by the bytes sent.</summary>
internal static class Uploader
{
    public static async Task<MiniProgramVersionInfo> UploadAsync(
        IAnsiConsole console, HutongClient client, string appId, ProjectFolder project, string version, string? note, CancellationToken cancellationToken)
    {
        using var zip = Packer.Pack(project);
        MiniProgramVersionInfo? uploaded = null;
        await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var bar = progress.AddTask($"Uploading {Markup.Escape(version)}", maxValue: zip.Length);
                await using var counted = new CountingStream(zip, sent => bar.Value = sent);
                uploaded = await client.UploadMiniProgramAsync(appId, counted, version, note, cancellationToken);
                bar.Value = bar.MaxValue;
            });
        return uploaded!;
    }
}
