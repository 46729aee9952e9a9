using Hutong.Contracts.Chat;
using Hutong.Web.Contacts;
using Hutong.Web.Localization;

namespace Hutong.Web.Chats;

/// <summary>Someone the @ picker offers: a member, or everyone (a null id) for the group's owner and admins.</summary>
public sealed record MentionCandidate(string? UserId, string Name)
{
    private const int Shown = 8;

    /// <summary>The members (not me) whose name or handle starts with, or contains, what follows the "@".</summary>
    public static List<MentionCandidate> Match(ConversationDetails group, string myId, string query, People people, Strings s)
    {
        var q = query.Trim();
        var members = group.Members
            .Where(m => m.UserId != myId)
            .Select(m => (Member: m, Name: people.Name(m.UserId)))
            .Where(m => q.Length == 0 || m.Name.Contains(q, StringComparison.OrdinalIgnoreCase) || m.Member.Handle.Contains(q, StringComparison.OrdinalIgnoreCase))
            .OrderBy(m => m.Name.StartsWith(q, StringComparison.OrdinalIgnoreCase) || m.Member.Handle.StartsWith(q, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(m => m.Name, StringComparer.Ordinal)
            .Select(m => new MentionCandidate(m.Member.UserId, m.Name))
            .Take(Shown)
            .ToList();
        // docs/product.md: only the owner and admins may @all.
        if (group.MyRole is MemberRoles.Owner or MemberRoles.Admin && (q.Length == 0 || "all".StartsWith(q, StringComparison.OrdinalIgnoreCase) || s.Everyone.Contains(q, StringComparison.OrdinalIgnoreCase)))
        {
            members.Insert(0, new MentionCandidate(null, s.Everyone));
        }

        return members;
    }
}
