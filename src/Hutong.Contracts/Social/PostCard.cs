using System.Text.Json.Serialization;

namespace Hutong.Contracts.Social;

/// <summary>
/// Something shared into a post, named on the wire by <c>kind</c>. A link today; articles and mini-programs add their
/// own record here, under a new name in <see cref="PostCardKinds"/>, with the check of it in Hutong.Social.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(LinkCard), PostCardKinds.Link)]
public abstract record PostCard;

/// <summary>A web page: its title, address, and an image the author uploaded for it.</summary>
public sealed record LinkCard(string Title, string Url, string? ImageId = null) : PostCard;

public static class PostCardKinds
{
    public const string Link = "link";
}
