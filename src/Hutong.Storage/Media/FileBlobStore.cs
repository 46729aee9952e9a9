using Hutong.Chat.Media;
using Microsoft.Extensions.Options;

namespace Hutong.Storage.Media;

/// <summary>
/// Files under <c>{root}/ab/cd/abcd…</c> by SHA-256, seen by this node only. A commit moves the staged file into place;
/// the same bytes uploaded twice are stored once, and a file in place is never rewritten.
/// </summary>
internal sealed class FileBlobStore(IOptions<BlobStoreOptions> options) : IBlobStore
{
    private string Root => Path.GetFullPath(options.Value.Root);

    public Task<StagedBlob?> StageAsync(Stream content, long maxBytes, CancellationToken cancellationToken) =>
        StagingFolder.StageAsync(Root, content, maxBytes, cancellationToken);

    public Task CommitAsync(StagedBlob staged, CancellationToken cancellationToken)
    {
        var path = PathOf(staged.Sha256);
        if (File.Exists(path))
        {
            File.Delete(staged.LocalPath);
            return Task.CompletedTask;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            File.Move(staged.LocalPath, path);
        }
        catch (IOException) when (File.Exists(path))
        {
            // The same bytes arrived at the same moment; one copy is enough.
            File.Delete(staged.LocalPath);
        }

        return Task.CompletedTask;
    }

    public void Discard(StagedBlob staged) => StagingFolder.Discard(staged);

    public Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken)
    {
        var path = PathOf(sha256);
        return Task.FromResult<Stream?>(File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81_920, useAsync: true) : null);
    }

    public Task DeleteAsync(string sha256, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(sha256));
        return Task.CompletedTask;
    }

    private string PathOf(string sha256) => Path.Combine(Root, sha256[..2], sha256[2..4], sha256);
}
