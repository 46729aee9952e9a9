using System.Diagnostics;

namespace Hutong.Social.Tests;

/// <summary>Real clips made once with Debian's ffmpeg: tiny, so they cost little to make and to probe.</summary>
public sealed class Clips : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hutong-social-clips-").FullName;

    /// <summary>3 s of 64x48 H.264.</summary>
    public byte[] ThreeSeconds { get; private set; } = [];

    /// <summary>16 s of 64x48 H.264: one second over a status's limit.</summary>
    public byte[] Sixteen { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        ThreeSeconds = await MakeAsync("short.mp4", 3);
        Sixteen = await MakeAsync("sixteen.mp4", 16);
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    private async Task<byte[]> MakeAsync(string name, int seconds)
    {
        var path = Path.Combine(_folder, name);
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true };
        foreach (var argument in new[] { "-v", "error", "-nostdin", "-f", "lavfi", "-i", $"testsrc=duration={seconds}:size=64x48:rate=5", "-pix_fmt", "yuv420p", "-preset", "ultrafast", "-y", path })
        {
            start.ArgumentList.Add(argument);
        }

        using var ffmpeg = Process.Start(start)!;
        var errors = ffmpeg.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await ffmpeg.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        Assert.True(ffmpeg.ExitCode == 0, $"ffmpeg could not make {name}: {await errors}");
        return await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
    }
}
