using System.Text.Json.Serialization;

namespace Hutong.Contracts.Chat.Content;

/// <summary>
/// What a message holds: one record per kind, named on the wire by <c>kind</c> (docs/api.md, "Message content").
/// <para>
/// A new kind (an article, a mini-program card, a payment card) is a sealed record deriving from this one, listed
/// below with a <see cref="JsonDerivedTypeAttribute"/> under a new name in <see cref="MessageKinds"/>, plus its
/// renderer in the web client and the code that writes it: the feature that owns it posts it through
/// <c>IConversationGrain.SendAsync</c>, or, if devices may send it, registers an <c>IContentHandler</c> for it (chat's
/// seam) from its own <c>Add{Feature}</c>. Chat itself stores and delivers every kind alike; it reads only <see cref="SearchText"/> and
/// <see cref="Recallable"/>, which a kind overrides where it differs. Clients that do not know a kind yet read it as
/// <see cref="UnknownContent"/>.
/// </para>
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(TextContent), MessageKinds.Text)]
[JsonDerivedType(typeof(ImageContent), MessageKinds.Image)]
[JsonDerivedType(typeof(VoiceContent), MessageKinds.Voice)]
[JsonDerivedType(typeof(VideoContent), MessageKinds.Video)]
[JsonDerivedType(typeof(FileContent), MessageKinds.File)]
[JsonDerivedType(typeof(LocationContent), MessageKinds.Location)]
[JsonDerivedType(typeof(CardContent), MessageKinds.Card)]
[JsonDerivedType(typeof(ArticleContent), MessageKinds.Article)]
[JsonDerivedType(typeof(TransferContent), MessageKinds.Transfer)]
[JsonDerivedType(typeof(RedPacketContent), MessageKinds.RedPacket)]
[JsonDerivedType(typeof(NoticeContent), MessageKinds.System)]
[JsonDerivedType(typeof(NewsContent), MessageKinds.News)]
[JsonDerivedType(typeof(MiniProgramContent), MessageKinds.MiniProgram)]
public abstract record MessageContent
{
    // Methods rather than properties: they stay off the wire without an attribute on every override.

    /// <summary>What message search finds this message by; null when it has no words of its own.</summary>
    public virtual string? SearchText() => null;

    /// <summary>Whether its sender may recall it within the recall window.</summary>
    public virtual bool Recallable() => true;
}
