using System.IO.Compression;
using System.Text;

namespace Hutong.MiniPrograms.Tests.Server;

/// <summary>Zips made in memory for upload tests: a small valid package, and whatever a test needs besides.</summary>
internal static class Packages
{
    public static readonly (string Path, string Text)[] Counter =
    [
        ("app.json", """{ "pages": ["pages/index/index", "pages/about/about"], "window": { "navigationBarTitleText": "Counter" } }"""),
        ("app.js", "App({ onLaunch() { this.globalData = { started: true }; } });"),
        ("app.wxss", ".page { padding: 20rpx; }"),
        ("pages/index/index.js", "Page({ data: { count: 0 }, add() { this.setData({ count: this.data.count + 1 }); } });"),
        ("pages/index/index.wxml", """<view class="page"><text>{{count}}</text><button bindtap="add">Add</button></view>"""),
        ("pages/index/index.wxss", "text { font-size: 32rpx; }"),
        ("pages/about/about.js", "Page({});"),
        ("pages/about/about.wxml", "<view>About</view>"),
    ];

    public static MemoryStream Zip(params (string Path, string Text)[] files) =>
        Zip([.. files.Select(f => (f.Path, Encoding.UTF8.GetBytes(f.Text)))]);

    public static MemoryStream Zip(IEnumerable<(string Path, byte[] Bytes)> files)
    {
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, bytes) in files)
            {
                using var entry = archive.CreateEntry(path, CompressionLevel.Fastest).Open();
                entry.Write(bytes);
            }
        }

        zip.Position = 0;
        return zip;
    }

    public static MemoryStream CounterWith(params (string Path, string Text)[] more) =>
        Zip([.. Counter.Where(f => !more.Any(m => m.Path == f.Path)), .. more]);
}
