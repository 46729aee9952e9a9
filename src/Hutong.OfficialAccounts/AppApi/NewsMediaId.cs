using System.Buffers.Text;

namespace Hutong.OfficialAccounts.AppApi;

/// <summary>
/// The <c>media_id</c> that <c>media/uploadnews</c> gives for its articles: the article ids themselves, packed
/// (<c>news_</c> and base64url of their bytes, 27 to 177 characters), so it needs no table of its own and lives as
/// long as its articles do. Sends check that every article is the sending account's.
/// </summary>
internal static class NewsMediaId
{
    private const string Prefix = "news_";

    public const int MaxArticles = 8;

    public static string Format(IReadOnlyList<Guid> articleIds)
    {
        var bytes = new byte[articleIds.Count * 16];
        for (var i = 0; i < articleIds.Count; i++)
        {
            articleIds[i].TryWriteBytes(bytes.AsSpan(i * 16), bigEndian: true, out _);
        }

        return Prefix + Base64Url.EncodeToString(bytes);
    }

    public static bool TryParse(string? mediaId, out IReadOnlyList<Guid> articleIds)
    {
        articleIds = [];
        if (mediaId is null || !mediaId.StartsWith(Prefix, StringComparison.Ordinal) || mediaId.Length > Prefix.Length + 200)
        {
            return false;
        }

        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(mediaId.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return false;
        }

        if (bytes.Length == 0 || bytes.Length % 16 != 0 || bytes.Length / 16 > MaxArticles)
        {
            return false;
        }

        articleIds = [.. Enumerable.Range(0, bytes.Length / 16).Select(i => new Guid(bytes.AsSpan(i * 16, 16), bigEndian: true))];
        return true;
    }
}
