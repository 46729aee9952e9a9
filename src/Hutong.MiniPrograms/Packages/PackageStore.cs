using System.Text;
using System.Text.Json;
using Hutong.Chat.Media;
using Hutong.Contracts;
using Hutong.Contracts.MiniPrograms;
using Hutong.Core.Errors;
using Hutong.MiniPrograms.Compiler;
using Hutong.MiniPrograms.Versions;
using Microsoft.Extensions.Options;

namespace Hutong.MiniPrograms.Packages;

/// <summary>
/// Turns an uploaded zip into a version's stored code: staged (so nothing is kept when it is refused), read with
/// <see cref="PackageArchive"/>, held to the size limits, compiled with <see cref="PackageCompiler"/>, and kept in
/// the blob store by content (the same file in two versions is stored once).
/// </summary>
public sealed class PackageStore(IBlobStore blobs, IOptions<MiniProgramsOptions> options)
{
    private MiniProgramsOptions Limits => options.Value;

    /// <summary>
    /// The version's code, its unpacked size, its pages in order (none for a game) and its compiled config; or why it
    /// was refused. <paramref name="kind"/> is the app's, which decides how the package is read.
    /// </summary>
    public async Task<Result<(VersionCode Code, long Size, IReadOnlyList<string> Pages, string Config)>> BuildAsync(
        string kind, Stream upload, CancellationToken cancellationToken)
    {
        var staged = await blobs.StageAsync(upload, Limits.MaxPackageBytes, cancellationToken);
        if (staged is null)
        {
            return Refused(new CompileError("", 0, 0, $"The upload is larger than {Limits.MaxPackageBytes / (1024 * 1024)} MB."));
        }

        try
        {
            var game = kind == MiniProgramKinds.Game;
            CompiledPackage? compiled = null;
            CompiledGame? compiledGame = null;
            long size;
            try
            {
                await using var zip = File.OpenRead(staged.LocalPath);
                var files = PackageArchive.Read(zip, Limits.MaxPackageBytes, Limits.MaxPackageFiles, game ? "game.json" : "app.json");
                size = files.Values.Sum(f => (long)f.Length);
                if (game)
                {
                    CheckMainPackage(files, GamePackageCompiler.SubpackageRoots(files), Limits.MaxGameMainPackageBytes);
                    compiledGame = GamePackageCompiler.Compile(files);
                }
                else
                {
                    CheckMainPackage(files, SubpackageRoots(files), Limits.MaxMainPackageBytes);
                    compiled = PackageCompiler.Compile(files);
                }
            }
            catch (CompileException e)
            {
                return Refused(e.Error);
            }

            await blobs.CommitAsync(staged, cancellationToken);
            if (compiledGame is not null)
            {
                var gameJs = await KeepAsync(Encoding.UTF8.GetBytes(compiledGame.GameJs), cancellationToken);
                var openData = compiledGame.OpenDataJs is { } odc ? await KeepAsync(Encoding.UTF8.GetBytes(odc), cancellationToken) : null;
                return (new VersionCode(staged.Sha256, "", gameJs, "", await KeepAssetsAsync(compiledGame.Assets, cancellationToken), openData),
                    size, [], compiledGame.Config);
            }

            var view = await KeepAsync(Encoding.UTF8.GetBytes(compiled!.ViewJson), cancellationToken);
            var logic = await KeepAsync(Encoding.UTF8.GetBytes(compiled.LogicJs), cancellationToken);
            var wxs = await KeepAsync(Encoding.UTF8.GetBytes(compiled.WxsJs), cancellationToken);
            return (new VersionCode(staged.Sha256, view, logic, wxs, await KeepAssetsAsync(compiled.Assets, cancellationToken)),
                size, Pages(compiled.AppJson), compiled.AppJson);
        }
        finally
        {
            blobs.Discard(staged);
        }
    }

    /// <summary>One of a version's stored files: the view templates, a bundle, or an asset by its package path.</summary>
    public async Task<Stream?> OpenAsync(string sha256, CancellationToken cancellationToken) =>
        sha256.Length == 0 ? null : await blobs.OpenReadAsync(sha256, cancellationToken);

    /// <summary>Everything outside the subpackages' roots is the main package, which has its own, smaller limit.</summary>
    private static void CheckMainPackage(IReadOnlyDictionary<string, byte[]> files, IReadOnlyList<string> roots, long limit)
    {
        var main = files.Where(f => !roots.Any(r => f.Key.StartsWith(r, StringComparison.Ordinal))).Sum(f => (long)f.Value.Length);
        if (main > limit)
        {
            throw new CompileException(new CompileError(
                "", 0, 0, $"The main package (outside subpackages) is {main / 1024} KB, over the {limit / 1024} KB a main package may be."));
        }
    }

    private async Task<Dictionary<string, string>> KeepAssetsAsync(IReadOnlyDictionary<string, byte[]> files, CancellationToken cancellationToken)
    {
        var assets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, bytes) in files)
        {
            assets[path] = await KeepAsync(bytes, cancellationToken);
        }

        return assets;
    }

    /// <summary>The routes of the compiled config, main package first, as the compiler lists them.</summary>
    private static List<string> Pages(string appJson)
    {
        using var document = JsonDocument.Parse(appJson);
        return [.. document.RootElement.GetProperty("pages").EnumerateArray().Select(p => p.GetString()!)];
    }

    private static List<string> SubpackageRoots(IReadOnlyDictionary<string, byte[]> files)
    {
        if (!files.TryGetValue("app.json", out var appJson))
        {
            // The compiler says app.json is missing; the size check has nothing to add.
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(appJson);
            var roots = new List<string>();
            foreach (var key in (string[])["subpackages", "subPackages"])
            {
                if (document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty(key, out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    roots.AddRange(list.EnumerateArray()
                        .Where(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("root", out var r) && r.ValueKind == JsonValueKind.String)
                        .Select(s => s.GetProperty("root").GetString()!.Trim('/') + "/")
                        .Where(r => r.Length > 1));
                }
            }

            return roots;
        }
        catch (JsonException)
        {
            // The compiler reports a broken app.json with its position; the size check has nothing to add.
            return [];
        }
    }

    /// <summary>Keeps the bytes in the blob store (once for the same content): their SHA-256.</summary>
    public async Task<string> KeepAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream(bytes, writable: false);
        var staged = (await blobs.StageAsync(content, long.MaxValue, cancellationToken))!;
        try
        {
            await blobs.CommitAsync(staged, cancellationToken);
            return staged.Sha256;
        }
        finally
        {
            blobs.Discard(staged);
        }
    }

    private static Error Refused(CompileError error) =>
        new(ErrorCodes.PackageInvalid, 422, "The package has an error.", error.ToString())
        {
            File = error.File,
            Line = error.Line,
            Column = error.Column,
        };
}
