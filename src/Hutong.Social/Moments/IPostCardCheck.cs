using Hutong.Contracts.Social;
using Hutong.Core.Errors;

namespace Hutong.Social.Moments;

/// <summary>
/// The check of a card kind that another feature owns (an official account's article, a mini-program), so Moments
/// takes it without knowing the feature: registered as a singleton by the feature's own <c>Add{Feature}</c>.
/// </summary>
public interface IPostCardCheck
{
    /// <summary>The card record this check takes.</summary>
    Type CardType { get; }

    /// <summary>
    /// The card as it is stored, filled from what it names; or null, with the reason added to <paramref name="errors"/>
    /// under <c>card.*</c> fields.
    /// </summary>
    Task<PostCard?> CheckAsync(Guid authorId, PostCard card, FieldErrors errors, CancellationToken cancellationToken);
}
