using System.Text.Json.Serialization;

namespace Hutong.Contracts.Social;

/// <summary>
/// Something shared into a post, named on the wire by <c>kind</c>. A link or an article; mini-programs add their own
/// record here, under a new name in <see cref="PostCardKinds"/>, checked in Hutong.Social or through its
/// <c>IPostCardCheck</c> port by the feature that owns the kind.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(LinkCard), PostCardKinds.Link)]
[JsonDerivedType(typeof(ArticleCard), PostCardKinds.Article)]
public abstract record PostCard;

/// <summary>A web page: its title, address, and an image the author uploaded for it.</summary>
public sealed record LinkCard(string Title, string Url, string? ImageId = null) : PostCard;

/// <summary>
/// An official account's published article. The author names it by <see cref="ArticleId"/>; the node fills the rest
/// from the article, whatever the author sent. Its page is <c>/a/{ArticleId}</c>.
/// </summary>
public sealed record ArticleCard(string ArticleId, string? AccountId = null, string? Title = null, string? Digest = null, string? CoverUrl = null) : PostCard;

public static class PostCardKinds
{
    public const string Link = "link";
    public const string Article = "article";
}
