namespace Hutong.Contracts.Chat.Content;

/// <summary>
/// A mini-program card, as <c>onShareAppMessage</c> makes one: a title and the page to open (<c>pages/x/x?id=1</c>).
/// A device names the app, the title and the path; the node checks the app is released and the page is one of its
/// pages, and fills <see cref="AppName"/> and <see cref="IconUrl"/> from the app itself. Tapping it opens
/// <c>/mp/{AppId}?path={Path}</c>.
/// </summary>
public sealed record MiniProgramContent(string AppId, string Title, string Path, string? AppName = null, string? IconUrl = null) : MessageContent
{
    public override string? SearchText() => AppName is null ? Title : $"{Title} {AppName}";
}
