using Hutong.Contracts.Chat.Content;
using Hutong.Contracts.OfficialAccounts;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.Core.Text;
using Hutong.OfficialAccounts.Accounts;
using Hutong.OfficialAccounts.Articles;
using Hutong.OfficialAccounts.Developer;
using Hutong.OfficialAccounts.Threads;
using Microsoft.Extensions.Options;

namespace Hutong.OfficialAccounts.Replies;

/// <summary>
/// The studio's side of auto-replies: the account's admins read and replace them all at once (follow reply, default
/// reply, keyword rules in order). <see cref="AutoResponder"/> sends them.
/// </summary>
public sealed class AutoReplyService(
    IAutoReplyStore store,
    IDeveloperSettingsStore developer,
    OfficialAccountService accounts,
    ThreadContent contents,
    IArticleStore articles,
    IOptions<OfficialAccountsOptions> options)
{
    private const int MaxArticles = 8;

    private OfficialAccountsOptions Limits => options.Value;

    public async Task<Result<AutoRepliesInfo>> GetAsync(Guid me, Guid accountId, CancellationToken cancellationToken)
    {
        var managed = await accounts.ManagedAsync(me, accountId, cancellationToken);
        if (!managed.IsSuccess)
        {
            return managed.Error;
        }

        var settings = await store.FindAsync(accountId, cancellationToken) ?? new AutoReplySettings(accountId, null, null, []);
        return await InfoAsync(settings, cancellationToken);
    }

    public async Task<Result<AutoRepliesInfo>> SaveAsync(Guid me, Guid accountId, AutoRepliesRequest request, CancellationToken cancellationToken)
    {
        var managed = await accounts.ManagedAsync(me, accountId, cancellationToken);
        if (!managed.IsSuccess)
        {
            return managed.Error;
        }

        var errors = new FieldErrors();
        var follow = request.Follow is null ? null : await CheckAsync(request.Follow, "follow", me, accountId, errors, cancellationToken);
        var fallback = request.Default is null ? null : await CheckAsync(request.Default, "default", me, accountId, errors, cancellationToken);
        var rules = new List<ReplyRule>();
        if ((request.Rules?.Count ?? 0) > Limits.MaxReplyRules)
        {
            errors.Add("rules", $"An account has at most {Limits.MaxReplyRules} rules.");
            return errors.ToError();
        }

        for (var i = 0; i < (request.Rules?.Count ?? 0); i++)
        {
            if (await CheckRuleAsync(request.Rules![i], $"rules[{i}]", me, accountId, errors, cancellationToken) is { } rule)
            {
                rules.Add(rule);
            }
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        var settings = new AutoReplySettings(accountId, follow, fallback, rules);
        await store.SaveAsync(settings, cancellationToken);
        return await InfoAsync(settings, cancellationToken);
    }

    private async Task<AutoRepliesInfo> InfoAsync(AutoReplySettings settings, CancellationToken cancellationToken) =>
        new(settings.Follow, settings.Default, settings.Rules, await developer.FindAsync(settings.AccountId, cancellationToken) is not null);

    private async Task<ReplyRule?> CheckRuleAsync(ReplyRule? rule, string field, Guid me, Guid accountId, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (rule is null)
        {
            errors.Add(field, "A rule has a name, keywords and a reply.");
            return null;
        }

        var name = NameText.Clean(rule.Name);
        var valid = true;
        if (name.Length == 0 || name.Length > Limits.MaxReplyRuleName)
        {
            errors.Add($"{field}.name", $"A rule's name is 1 to {Limits.MaxReplyRuleName} characters.");
            valid = false;
        }

        var keywords = new List<ReplyKeyword>();
        if (rule.Keywords is not { Count: > 0 } given || given.Count > Limits.MaxRuleKeywords)
        {
            errors.Add($"{field}.keywords", $"A rule has 1 to {Limits.MaxRuleKeywords} keywords.");
            valid = false;
        }
        else
        {
            for (var k = 0; k < given.Count; k++)
            {
                var text = NameText.Clean(given[k]?.Text);
                if (text.Length == 0 || text.Length > Limits.MaxKeyword)
                {
                    errors.Add($"{field}.keywords[{k}].text", $"A keyword is 1 to {Limits.MaxKeyword} characters.");
                    valid = false;
                }

                if (!KeywordMatches.All.Contains(given[k]?.Match))
                {
                    errors.Add($"{field}.keywords[{k}].match", "A keyword matches exact or contains.");
                    valid = false;
                }

                keywords.Add(new ReplyKeyword(text, given[k]?.Match ?? KeywordMatches.Exact));
            }
        }

        var reply = rule.Reply is null ? null : await CheckAsync(rule.Reply, $"{field}.reply", me, accountId, errors, cancellationToken);
        if (rule.Reply is null)
        {
            errors.Add($"{field}.reply", "A rule has a reply.");
        }

        return valid && reply is not null ? new ReplyRule(name, keywords, reply) : null;
    }

    /// <summary>A reply as it is kept: checked text or image (the upload's real type), or the ids of published articles.</summary>
    private async Task<AutoReply?> CheckAsync(AutoReply reply, string field, Guid me, Guid accountId, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (reply.ArticleIds is null)
        {
            var content = await contents.CheckAsync(reply.Content, me, fromFollower: false, Limits.MaxMessageText, cancellationToken);
            if (content.IsSuccess)
            {
                return new AutoReply(content.Value);
            }

            foreach (var (name, messages) in content.Error.Fields ?? new Dictionary<string, string[]>())
            {
                foreach (var message in messages)
                {
                    errors.Add($"{field}.{name}", message);
                }
            }

            return null;
        }

        if (reply.Content is not null)
        {
            errors.Add($"{field}.content", "A reply carries articles or content, not both.");
            return null;
        }

        if (reply.ArticleIds.Count is 0 or > MaxArticles)
        {
            errors.Add($"{field}.articleIds", $"A reply carries 1 to {MaxArticles} articles.");
            return null;
        }

        var ids = new List<string>(reply.ArticleIds.Count);
        foreach (var text in reply.ArticleIds)
        {
            // Only published articles: a follower could not open a draft.
            if (!Ids.TryParse(text, out var id) || await articles.FindAsync(id, cancellationToken) is not { IsPublished: true } article || article.AccountId != accountId)
            {
                errors.Add($"{field}.articleIds", "A reply carries the account's published articles.");
                return null;
            }

            ids.Add(Ids.Format(id));
        }

        return new AutoReply(null, ids);
    }

    /// <summary>What a reply sends now: its content, or news of its articles still published (none left, nothing).</summary>
    internal static async Task<MessageContent?> ContentAsync(AutoReply reply, IArticleStore articles, CancellationToken cancellationToken)
    {
        if (reply.ArticleIds is not { } ids)
        {
            return reply.Content;
        }

        var items = new List<NewsItem>(ids.Count);
        foreach (var text in ids)
        {
            if (Ids.TryParse(text, out var id) && await articles.FindAsync(id, cancellationToken) is { IsPublished: true } article)
            {
                items.Add(new NewsItem(article.Title, article.Digest, ArticleService.CoverUrl(article), Article.PagePath(article.Id), Ids.Format(article.Id)));
            }
        }

        return items.Count == 0 ? null : new NewsContent(items);
    }
}
