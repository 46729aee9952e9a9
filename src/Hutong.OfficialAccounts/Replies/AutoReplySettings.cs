using Hutong.Contracts.OfficialAccounts;

namespace Hutong.OfficialAccounts.Replies;

/// <summary>
/// An account's auto-replies as kept: a news reply keeps its article ids, and is read from the articles when it is
/// sent, so an edited article answers as it now is.
/// </summary>
public sealed record AutoReplySettings(Guid AccountId, AutoReply? Follow, AutoReply? Default, IReadOnlyList<ReplyRule> Rules)
{
    /// <summary>The first rule, in order, with a keyword the follower's text matches; case does not count.</summary>
    public ReplyRule? Match(string text)
    {
        var said = text.Trim();
        return Rules.FirstOrDefault(rule => rule.Keywords.Any(k => k.Match == KeywordMatches.Contains
            ? said.Contains(k.Text, StringComparison.OrdinalIgnoreCase)
            : said.Equals(k.Text, StringComparison.OrdinalIgnoreCase)));
    }
}

/// <summary>Auto-replies of accounts. Implemented by Hutong.Storage.</summary>
public interface IAutoReplyStore
{
    Task<AutoReplySettings?> FindAsync(Guid accountId, CancellationToken cancellationToken);

    /// <summary>Replaces the account's auto-replies, rules in the order given, in one transaction.</summary>
    Task SaveAsync(AutoReplySettings settings, CancellationToken cancellationToken);
}
