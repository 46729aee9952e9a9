using System.Security.Cryptography;
using Hutong.Chat.Media;
using Microsoft.Extensions.Options;

namespace Hutong.Storage.Media;

/// <summary>
/// Files under <c>{root}/ab/cd/abcd…</c> by SHA-256. An upload is staged in <c>{root}/incoming</c> while it is hashed,
/// and a commit moves it into place; the same bytes uploaded twice are stored once, and a file in place is never
/// rewritten.
/// </summary>
internal sealed class FileBlobStore(IOptions<BlobStoreOptions> options) : IBlobStore
{
    private string Root => Path.GetFullPath(options.Value.Root);

    public async Task<StagedBlob?> StageAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        var incoming = Path.Combine(Root, "incoming");
        Directory.CreateDirectory(incoming);
        var temporary = Path.Combine(incoming, Guid.NewGuid().ToString("N"));
        var staged = false;
        try
        {
            long size = 0;
            await using var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81_920, useAsync: true);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81_920];
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                size += read;
                if (size > maxBytes)
                {
                    return null;
                }

                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            await file.FlushAsync(cancellationToken);
            staged = true;
            return new StagedBlob(Convert.ToHexStringLower(hash.GetHashAndReset()), size, temporary);
        }
        finally
        {
            if (!staged)
            {
                File.Delete(temporary);
            }
        }
    }

    public void Commit(StagedBlob staged)
    {
        var path = PathOf(staged.Sha256);
        if (File.Exists(path))
        {
            File.Delete(staged.LocalPath);
            return;
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
    }

    public void Discard(StagedBlob staged) => File.Delete(staged.LocalPath);

    public Stream? OpenRead(string sha256)
    {
        var path = PathOf(sha256);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81_920, useAsync: true) : null;
    }

    public void Delete(string sha256) => File.Delete(PathOf(sha256));

    private string PathOf(string sha256) => Path.Combine(Root, sha256[..2], sha256[2..4], sha256);
}
