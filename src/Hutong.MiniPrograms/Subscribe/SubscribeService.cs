using System.Text.Json.Nodes;
using Hutong.Contracts.Events;
using Hutong.Contracts.MiniPrograms;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.Core.Identity;
using Hutong.MiniPrograms.Apps;
using Hutong.MiniPrograms.Login;
using Hutong.OfficialAccounts.AppApi;
using Hutong.Realtime.Log;

namespace Hutong.MiniPrograms.Subscribe;

/// <summary>
/// Subscribe messages: an app adds templates from the library; a person, from a tap, accepts some (each accept lets
/// the app send them one message); the app's server sends with <c>message/subscribe/send</c>, which uses one consent
/// and puts the message in the person's service notices, live on their devices.
/// </summary>
public sealed class SubscribeService(ISubscribeStore store, ILoginStore logins, MiniProgramService apps, EventLog events, TimeProvider clock)
{
    public const string Accept = "accept";
    public const string Reject = "reject";
    public const string Ban = "ban";

    public static readonly WeChatError InvalidTemplateId = new(40037, "invalid template_id");
    public static readonly WeChatError InvalidTid = new(200014, "template tid not exist");
    public static readonly WeChatError InvalidKidList = new(200020, "keyword list is invalid");
    public static readonly WeChatError Refused = new(43101, "user refuse to accept the msg");
    public static readonly WeChatError ArgumentInvalid = new(47003, "argument invalid!");

    private const int MaxTemplates = 50;

    /// <summary><c>addtemplate</c>: the app's own template from a library one, with the keywords in the order given.</summary>
    public async Task<(string? TemplateId, WeChatError? Error)> AddTemplateAsync(MiniProgram app, int? tid, IReadOnlyList<int>? kids, string? sceneDesc, CancellationToken cancellationToken)
    {
        if (tid is not { } id || TemplateLibrary.Find(id) is not { } library)
        {
            return (null, InvalidTid);
        }

        if (kids is not { Count: >= 2 and <= 5 } || kids.Distinct().Count() != kids.Count || kids.Any(k => library.Keywords.All(w => w.Kid != k)))
        {
            return (null, InvalidKidList);
        }

        if ((await store.TemplatesAsync(app.Id, cancellationToken)).Count >= MaxTemplates)
        {
            return (null, new WeChatError(200012, "private template count exceeds limit"));
        }

        var template = new AppTemplate(
            AppIdentities.RandomToken(32), app.Id, id, library.Title, [.. kids.Select(k => library.Keywords.First(w => w.Kid == k))],
            (sceneDesc ?? "").Trim() is { Length: <= 100 } scene ? scene : "", clock.GetUtcNow());
        await store.AddTemplateAsync(template, cancellationToken);
        return (template.TemplateId, null);
    }

    public Task<IReadOnlyList<AppTemplate>> TemplatesAsync(MiniProgram app, CancellationToken cancellationToken) => store.TemplatesAsync(app.Id, cancellationToken);

    public Task<bool> DeleteTemplateAsync(MiniProgram app, string? templateId, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(templateId) ? Task.FromResult(false) : store.DeleteTemplateAsync(app.Id, templateId, cancellationToken);

    /// <summary>The app's templates among the ids, for the person's consent dialog.</summary>
    public async Task<Result<SubscribeTemplateList>> ForConsentAsync(Guid me, string appId, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        if (await apps.OpenableAsync(me, appId, cancellationToken) is not { } app)
        {
            return MiniProgramService.NotFound;
        }

        var templates = await store.TemplatesAsync(app.Id, cancellationToken);
        return new SubscribeTemplateList([.. ids.Distinct(StringComparer.Ordinal)
            .Select(id => templates.FirstOrDefault(t => t.TemplateId == id))
            .OfType<AppTemplate>()
            .Select(t => new SubscribeTemplateInfo(t.TemplateId, t.Title, [.. t.Keywords.Select(k => k.Name)]))]);
    }

    /// <summary>The person's answers: each accepted template of the app allows one message more.</summary>
    public async Task<Result<SubscribeMessagesResponse>> AnswerAsync(Guid me, string appId, SubscribeMessagesRequest request, CancellationToken cancellationToken)
    {
        if (await apps.OpenableAsync(me, appId, cancellationToken) is not { } app)
        {
            return MiniProgramService.NotFound;
        }

        if (request.Accepted is null || request.Rejected is null || request.Accepted.Count + request.Rejected.Count is 0 or > 3)
        {
            var errors = new FieldErrors();
            errors.Add("accepted", "One request asks about 1 to 3 templates, as WeChat's.");
            return errors.ToError();
        }

        var mine = (await store.TemplatesAsync(app.Id, cancellationToken)).Select(t => t.TemplateId).ToHashSet(StringComparer.Ordinal);
        var results = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in request.Rejected)
        {
            results[id] = mine.Contains(id) ? Reject : Ban;
        }

        foreach (var id in request.Accepted.Distinct(StringComparer.Ordinal))
        {
            if (!mine.Contains(id))
            {
                results[id] = Ban;
                continue;
            }

            await store.AddConsentAsync(app.Id, me, id, cancellationToken);
            results[id] = Accept;
        }

        return new SubscribeMessagesResponse(results);
    }

    /// <summary><c>message/subscribe/send</c>: one message, using one of the person's consents to the template.</summary>
    public async Task<WeChatError?> SendAsync(MiniProgram app, JsonObject json, CancellationToken cancellationToken)
    {
        var openId = AppCall.Text(json, "touser");
        var userId = openId is null ? null : await logins.UserOfAsync(app.Id, openId, cancellationToken);
        if (userId is not { } person)
        {
            return WeChatErrors.InvalidOpenId;
        }

        var templateId = AppCall.Text(json, "template_id");
        var template = (await store.TemplatesAsync(app.Id, cancellationToken)).FirstOrDefault(t => t.TemplateId == templateId);
        if (template is null)
        {
            return InvalidTemplateId;
        }

        var fields = new List<(string Name, string Value)>();
        foreach (var keyword in template.Keywords)
        {
            var value = (json["data"] as JsonObject)?[keyword.Key] is JsonObject field && field["value"] is JsonValue v && v.TryGetValue<string>(out var text) ? text.Trim() : null;
            var why = value is null ? "is missing" : TemplateLibrary.Check(keyword.Kind, value);
            if (why is not null)
            {
                return new WeChatError(ArgumentInvalid.Code, $"argument invalid! data.{keyword.Key}.value {why}");
            }

            fields.Add((keyword.Name, value!));
        }

        var page = AppCall.Text(json, "page")?.TrimStart('/');
        if (page is { Length: > 1024 })
        {
            return new WeChatError(ArgumentInvalid.Code, "argument invalid! page is too long");
        }

        if (!await store.UseConsentAsync(app.Id, person, template.TemplateId, cancellationToken))
        {
            return Refused;
        }

        var notice = new Notice(Ids.New(clock), person, app.Id, template.Title, fields, string.IsNullOrEmpty(page) ? null : page, clock.GetUtcNow());
        await store.AddNoticeAsync(notice, cancellationToken);
        await events.AppendAsync(person, new ServiceNoticeEvent(Info(notice, app)));
        return null;
    }

    /// <summary>The person's service notices, newest first, from apps that still exist.</summary>
    public async Task<ServiceNoticeList> NoticesAsync(Guid me, CancellationToken cancellationToken)
    {
        var notices = await store.NoticesAsync(me, 100, cancellationToken);
        var infos = new List<ServiceNotice>(notices.Count);
        foreach (var group in notices.GroupBy(n => n.AppKey))
        {
            if (await apps.FindByKeyAsync(group.Key, cancellationToken) is { } app)
            {
                infos.AddRange(group.Select(n => Info(n, app)));
            }
        }

        return new ServiceNoticeList([.. infos.OrderByDescending(n => n.At)]);
    }

    private static ServiceNotice Info(Notice notice, MiniProgram app)
    {
        var card = MiniProgramService.Info(app, null, null);
        return new ServiceNotice(
            Ids.Format(notice.Id), app.AppId, app.Name, card.IconUrl, notice.Title,
            [.. notice.Fields.Select(f => new ServiceNoticeField(f.Name, f.Value))], notice.Page, notice.At);
    }
}
