using System.Security.Cryptography;
using Hutong.Chat.Media;

namespace Hutong.Storage.Media;

/// <summary>
/// Where both blob stores stage uploads: a local file under <c>{root}/incoming</c>, hashed while it is written, so tools
/// such as ffprobe can read it and a refused upload leaves nothing stored.
/// </summary>
internal static class StagingFolder
{
    public static async Task<StagedBlob?> StageAsync(string root, Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        var incoming = Path.Combine(root, "incoming");
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

    public static void Discard(StagedBlob staged) => File.Delete(staged.LocalPath);
}
