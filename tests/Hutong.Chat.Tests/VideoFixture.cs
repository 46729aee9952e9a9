using Hutong.Chat.Media;
using Hutong.Server.Hosting;
using Hutong.Testing;

namespace Hutong.Chat.Tests;

/// <summary>
/// Real clips made once with ffmpeg (short and tiny, so they cost little to make and to probe), and one node per
/// storage provider whose media store notes what it adds.
/// </summary>
public sealed class VideoFixture : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hutong-clips-").FullName;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<StorageProvider, HutongApp> _apps = [];

    /// <summary>3 s of 320x240 H.264 at 25 frames a second.</summary>
    public byte[] Mp4 { get; private set; } = [];

    /// <summary>3 s of 320x240 VP8.</summary>
    public byte[] Webm { get; private set; } = [];

    /// <summary>3 s of VP8 written as a stream, as a browser records: no length in its header.</summary>
    public byte[] StreamedWebm { get; private set; } = [];

    /// <summary>16 s of 64x48 H.264 at 5 frames a second.</summary>
    public byte[] SixteenSeconds { get; private set; } = [];

    /// <summary>1 s of 64x48 H.264 filmed turned a quarter (a phone held upright): it shows 48 wide and 64 high.</summary>
    public byte[] Portrait { get; private set; } = [];

    /// <summary>1 s of a tone in an MP4 (its brand is isom, so its first bytes say video).</summary>
    public byte[] SoundOnlyMp4 { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        Mp4 = await MakeAsync("clip.mp4", "-f", "lavfi", "-i", "testsrc=duration=3:size=320x240:rate=25", "-pix_fmt", "yuv420p", "-preset", "ultrafast");
        Webm = await MakeAsync("clip.webm", "-f", "lavfi", "-i", "testsrc=duration=3:size=320x240:rate=25", "-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8");
        StreamedWebm = await MakeAsync("pipe:1", "-f", "lavfi", "-i", "testsrc=duration=3:size=320x240:rate=25", "-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8", "-f", "webm");
        SixteenSeconds = await MakeAsync("long.mp4", "-f", "lavfi", "-i", "testsrc=duration=16:size=64x48:rate=5", "-pix_fmt", "yuv420p", "-preset", "ultrafast");
        await MakeAsync("landscape.mp4", "-f", "lavfi", "-i", "testsrc=duration=1:size=64x48:rate=5", "-pix_fmt", "yuv420p", "-preset", "ultrafast");
        Portrait = await MakeAsync("portrait.mp4", "-i", Path.Combine(_folder, "landscape.mp4"), "-c", "copy", "-metadata:s:v:0", "rotate=90");
        SoundOnlyMp4 = await MakeAsync("tone.mp4", "-f", "lavfi", "-i", "sine=duration=1", "-c:a", "aac");
    }

    public async Task<HutongApp> GetAsync(StorageProvider provider)
    {
        await _gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (!_apps.TryGetValue(provider, out var app))
            {
                _apps[provider] = app = await HutongApp.StartAsync(
                    provider, services: services => services.Decorate<IMediaStore>(inner => new RecordingMediaStore(inner)),
                    cancellationToken: TestContext.Current.CancellationToken);
            }

            return app;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps.Values)
        {
            await app.DisposeAsync();
            app.Storage.Dispose();
        }

        _gate.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Runs ffmpeg to make a clip; <paramref name="output"/> <c>pipe:1</c> writes it as a stream, unseekable.</summary>
    private async Task<byte[]> MakeAsync(string output, params string[] arguments)
    {
        var path = output == "pipe:1" ? output : Path.Combine(_folder, output);
        var run = await MediaTool.RunAsync(
            "ffmpeg", ["-v", "error", "-nostdin", .. arguments, "-y", path], TimeSpan.FromMinutes(1), 64 * 1024 * 1024, TestContext.Current.CancellationToken);
        Assert.True(run.Succeeded, $"ffmpeg could not make {output}: {run.Outcome} {run.Errors}");
        return output == "pipe:1" ? run.Output : await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
    }
}
