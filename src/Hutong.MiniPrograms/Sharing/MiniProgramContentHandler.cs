using Hutong.Chat;
using Hutong.Chat.Messages.Content;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.MiniPrograms;
using Hutong.Core.Errors;
using Hutong.Core.Text;
using Hutong.MiniPrograms.Apps;
using Hutong.MiniPrograms.Versions;

namespace Hutong.MiniPrograms.Sharing;

/// <summary>
/// Anyone may share a released mini-program into a chat, at one of its pages: the card's app name and icon come from
/// the app itself, whatever the device sent, and a page the released version does not have is refused, so a card
/// always opens something real. A game or a story has no pages: its card's path is only a query (<c>?level=3</c>, or
/// empty), which the game reads from its launch options.
/// </summary>
internal sealed class MiniProgramContentHandler(MiniProgramService apps, IVersionStore versions) : ContentHandler<MiniProgramContent>
{
    public const int MaxTitle = 64;
    public const int MaxPath = 1024;

    protected override MiniProgramContent Check(MiniProgramContent content, ChatOptions limits, FieldErrors errors)
    {
        var title = NameText.Clean(content.Title);
        if (title.Length > MaxTitle)
        {
            errors.Add("title", $"A card's title is at most {MaxTitle} characters.");
        }

        var path = (content.Path ?? "").Trim().TrimStart('/');
        if (path.Length > MaxPath || NameText.HasControl(path))
        {
            errors.Add("path", $"A card opens a page of the app: its path, up to {MaxPath} characters.");
        }

        return new MiniProgramContent(content.AppId ?? "", title, path);
    }

    protected override async Task<Result<MiniProgramContent>> ResolveAsync(Guid senderId, MiniProgramContent content, CancellationToken cancellationToken)
    {
        if (await apps.FindAsync(content.AppId, cancellationToken) is not { ReleasedVersionId: { } released } app
            || await versions.FindAsync(released, cancellationToken) is not { } version)
        {
            return MiniProgramService.NotFound;
        }

        var route = content.Path.Split('?', 2)[0];
        var paged = app.Kind == MiniProgramKinds.MiniProgram;
        if (paged ? !version.Pages.Contains(route, StringComparer.Ordinal) : route.Length > 0)
        {
            var errors = new FieldErrors();
            errors.Add("path", paged ? $"The mini-program has no page '{route}'." : "A game's card has no page: its path is only a query, as ?level=3.");
            return errors.ToError();
        }

        var info = MiniProgramService.Info(app, null, null);
        return content with { Title = content.Title.Length == 0 ? app.Name : content.Title, AppName = app.Name, IconUrl = info.IconUrl };
    }
}
