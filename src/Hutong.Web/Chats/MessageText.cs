using Hutong.Contracts.Chat;
using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.Events;
using Hutong.Web.Contacts;
using Hutong.Web.Localization;
using Hutong.Web.Wallet;

namespace Hutong.Web.Chats;

/// <summary>A message in one line of words: for the chats list, quotes, and notices.</summary>
public static class MessageText
{
    public static string Preview(MessageInfo message, string myId, People people, Strings s, bool group)
    {
        if (message.Content is NoticeContent notice)
        {
            return Notice(notice, myId, people, s);
        }

        var body = Body(message, s);
        return group && message.SenderId != myId ? $"{people.Name(message.SenderId)}: {body}" : body;
    }

    /// <summary>What a message holds, without who sent it.</summary>
    public static string Body(MessageInfo message, Strings s) => message.Recalled ? s.MessageRecalled : Body(message.Content, s);

    /// <summary>What a content holds, in words: a renderer per kind.</summary>
    public static string Body(MessageContent? content, Strings s) => content switch
    {
        TextContent text => text.Text ?? string.Empty,
        ImageContent => s.KindImage,
        VoiceContent => s.KindVoice,
        VideoContent => s.KindVideo,
        FileContent file => $"{s.KindFile} {file.FileName}",
        LocationContent place => $"{s.KindLocation} {place.Name}",
        CardContent => s.KindCard,
        ArticleContent article => $"{s.KindArticle} {article.Title}",
        MiniProgramContent miniProgram => $"{s.MiniPrograms.KindMiniProgram} {miniProgram.Title}",
        TransferContent transfer => Labelled(s.KindTransfer, transfer.Note),
        RedPacketContent packet => $"{s.KindRedPacket} {(packet.Greeting is { Length: > 0 } greeting ? greeting : s.BestWishes)}",
        NewsContent news => Labelled(s.OfficialAccounts.KindNews, news.Items.Count > 0 ? news.Items[0].Title : null),
        NoticeContent notice => notice.Text ?? string.Empty,
        UnknownContent => s.KindUnknown,
        _ => string.Empty,
    };

    public static string Notice(NoticeContent notice, string myId, People people, Strings s)
    {
        var actor = Who(notice.ActorId, myId, people, s);
        var others = string.Join(s.ListSeparator, (notice.UserIds ?? []).Select(id => Who(id, myId, people, s)));
        return notice.Type switch
        {
            NoticeTypes.Created => s.NoticeCreated(actor, others),
            NoticeTypes.Joined => s.NoticeJoined(actor, others, notice.ActorId is not null && notice.UserIds is { Count: > 0 } ids && !ids.Contains(notice.ActorId)),
            NoticeTypes.Left => s.NoticeLeft(others.Length > 0 ? others : actor),
            NoticeTypes.Removed => s.NoticeRemoved(actor, others),
            NoticeTypes.Renamed => s.NoticeRenamed(actor, notice.Text ?? string.Empty),
            NoticeTypes.Announcement => s.NoticeAnnouncement(actor, notice.Text ?? string.Empty),
            NoticeTypes.RoleChanged => s.NoticeRoleChanged(others, notice.Text ?? string.Empty),
            NoticeTypes.OwnerChanged => s.NoticeOwnerChanged(others),
            NoticeTypes.Recalled => s.NoticeRecalled(actor),
            NoticeTypes.Dissolved => s.NoticeDissolved(actor),
            NoticeTypes.TransferAccepted => s.NoticeTransferAccepted(actor),
            NoticeTypes.TransferDeclined => s.NoticeTransferDeclined(actor),
            // The transfer id is the notice's text: not for people to read.
            NoticeTypes.TransferExpired => s.NoticeTransferExpired,
            _ => notice.Text ?? string.Empty,
        };
    }

    /// <summary>A line the device adds for what its person's own events say (someone opened my red packet...), kept while the page lives.</summary>
    public static string Note(LocalNote note, string myId, People people, Strings s, string currency) => note.Kind switch
    {
        UserEventKinds.RedPacketOpened when note.Amount is > 1 and < int.MaxValue =>
            s.NoticePacketOpenedWithOthers(Who(note.UserId, myId, people, s), (int)note.Amount.Value - 1),
        UserEventKinds.RedPacketOpened => s.NoticePacketOpened(Who(note.UserId, myId, people, s)),
        UserEventKinds.RedPacketReturned => s.NoticePacketReturned(Money.Format(note.Amount ?? 0, currency)),
        _ => string.Empty,
    };

    private static string Labelled(string label, string? text) => text is { Length: > 0 } ? $"{label} {text}" : label;

    private static string Who(string? userId, string myId, People people, Strings s) =>
        userId is null ? string.Empty : userId == myId ? s.You : people.Name(userId);
}
