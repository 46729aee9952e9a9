using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;

namespace Hutong.Core.Http;

/// <summary>A file a node serves from its own assembly, with its content type and a strong ETag of its bytes.</summary>
public sealed record EmbeddedFile(byte[] Content, string ContentType, string ETag);

/// <summary>Files embedded in an assembly (a runtime's scripts, a page), read once when the node starts.</summary>
public static class EmbeddedFiles
{
    /// <summary>The assembly's resources under <paramref name="prefix"/>, by their names after it.</summary>
    public static FrozenDictionary<string, EmbeddedFile> Load(Assembly assembly, string prefix)
    {
        var files = new Dictionary<string, EmbeddedFile>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            var content = memory.ToArray();
            var file = name[prefix.Length..];
            var contentType = Path.GetExtension(file) switch
            {
                ".html" => "text/html; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                ".css" => "text/css; charset=utf-8",
                _ => "application/octet-stream",
            };
            files[file] = new EmbeddedFile(content, contentType, "\"" + Convert.ToHexStringLower(SHA256.HashData(content))[..20] + "\"");
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
