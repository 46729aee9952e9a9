namespace EchoBot.Protocol;

/// <param name="Title">The card's title.</param>
/// <param name="Description">The line under the title.</param>
/// <param name="PicUrl">The card's picture: 360×200 for the first card, 200×200 for the others.</param>
/// <param name="Url">What the card opens.</param>
internal sealed record Article(string Title, string Description, Uri PicUrl, Uri Url);
