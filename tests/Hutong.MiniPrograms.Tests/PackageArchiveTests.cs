using System.IO.Compression;
using System.Text;
using Hutong.MiniPrograms.Compiler;
using Hutong.MiniPrograms.Packages;

namespace Hutong.MiniPrograms.Tests;

/// <summary>What an uploaded zip may hold, read without trusting its headers.</summary>
public sealed class PackageArchiveTests
{
    private const long Max = 1024 * 1024;

    [Fact]
    public void AZippedProjectFolder_IsReadFromInside_AndPackingNoiseIsLeftOut()
    {
        var files = Read(
            ("tea/app.json", "{}"), ("tea/pages/a/a.js", "Page({})"), ("__MACOSX/tea/._app.json", "x"), ("tea/.DS_Store", "x"));

        Assert.Equal(["app.json", "pages/a/a.js"], files.Keys.Order());
        Assert.Equal("Page({})", Encoding.UTF8.GetString(files["pages/a/a.js"]));
    }

    [Theory]
    [InlineData("../app.js")]
    [InlineData("pages/../../x.js")]
    [InlineData("/etc/x.js")]
    [InlineData("C:/x.js")]
    [InlineData("pages//x.js")]
    [InlineData("pages/./x.js")]
    public void APathThatLeavesThePackage_IsRefused_Named(string path)
    {
        var error = Refused(("app.json", "{}"), (path, "x"));

        Assert.Equal(path, error.File);
        Assert.Contains("path", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BackslashesAreFolders_AsWindowsToolsWriteThem()
    {
        Assert.Contains("pages/a/a.js", Read(("app.json", "{}"), ("pages\\a\\a.js", "x")).Keys);
    }

    [Fact]
    public void AFileOfAnotherType_OrTwoNamesDifferingInCase_AreRefused()
    {
        Assert.Equal("bin/tool.sh", Refused(("app.json", "{}"), ("bin/tool.sh", "rm -rf /")).File);
        Assert.Equal("pages/A.js", Refused(("app.json", "{}"), ("pages/a.js", "x"), ("pages/A.js", "y")).File);
    }

    [Fact]
    public void AZipBomb_StopsAtTheLimit_WhateverItsHeadersSay()
    {
        // 64 MB of zeros packs into a few dozen kilobytes; it is counted as it inflates and refused at 1 MB.
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var entry = archive.CreateEntry("app.json").Open())
            {
                entry.Write("{}"u8);
            }

            using var bomb = archive.CreateEntry("images/zeros.png", CompressionLevel.SmallestSize).Open();
            var block = new byte[1024 * 1024];
            for (var i = 0; i < 64; i++)
            {
                bomb.Write(block);
            }
        }

        Assert.True(zip.Length < 1024 * 1024);
        zip.Position = 0;
        var error = Assert.Throws<CompileException>(() => PackageArchive.Read(zip, Max, 100)).Error;
        Assert.Equal("images/zeros.png", error.File);
    }

    [Fact]
    public void TooManyFiles_NoAppJson_OrNoZip_AreRefused()
    {
        Assert.Contains("at most 3 files", Assert.Throws<CompileException>(() =>
            PackageArchive.Read(Zip(("app.json", "{}"), ("a.js", ""), ("b.js", ""), ("c.js", "")), Max, 3)).Error.Message, StringComparison.Ordinal);
        Assert.Equal("app.json", Refused(("app.js", "App({})")).File);
        Assert.Throws<CompileException>(() => PackageArchive.Read(new MemoryStream("PK not really"u8.ToArray()), Max, 10));
    }

    private static Dictionary<string, byte[]> Read(params (string Path, string Text)[] files) =>
        new(PackageArchive.Read(Zip(files), Max, 100));

    private static CompileError Refused(params (string Path, string Text)[] files) =>
        Assert.Throws<CompileException>(() => PackageArchive.Read(Zip(files), Max, 100)).Error;

    private static MemoryStream Zip(params (string Path, string Text)[] files)
    {
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, text) in files)
            {
                using var entry = archive.CreateEntry(path).Open();
                entry.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        zip.Position = 0;
        return zip;
    }
}
