using System.Text.Json;
using Hutong.MiniPrograms.Subscribe;
using Microsoft.EntityFrameworkCore;

namespace Hutong.Storage.MiniPrograms;

internal sealed class SubscribeStore(IDbContextFactory<HutongDbContext> contexts) : ISubscribeStore
{
    public async Task AddTemplateAsync(AppTemplate template, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.MiniProgramTemplates.Add(new TemplateRow
        {
            TemplateId = template.TemplateId,
            AppKey = template.AppKey,
            Tid = template.Tid,
            Title = template.Title,
            Keywords = JsonSerializer.Serialize([.. template.Keywords.Select(k => new StoredKeyword(k.Kid, k.Kind, k.Name))], MiniProgramRowJson.Default.ListStoredKeyword),
            SceneDesc = template.SceneDesc,
            CreatedAt = template.CreatedAt,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AppTemplate>> TemplatesAsync(Guid appKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.MiniProgramTemplates.AsNoTracking().Where(t => t.AppKey == appKey).OrderBy(t => t.CreatedAt).ToListAsync(cancellationToken);
        return rows.ConvertAll(t => new AppTemplate(
            t.TemplateId, t.AppKey, t.Tid, t.Title,
            [.. (JsonSerializer.Deserialize(t.Keywords, MiniProgramRowJson.Default.ListStoredKeyword) ?? []).Select(k => new LibraryKeyword(k.Kid, k.Kind, k.Name))],
            t.SceneDesc, t.CreatedAt));
    }

    public async Task<bool> DeleteTemplateAsync(Guid appKey, string templateId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.MiniProgramConsents.Where(c => c.AppKey == appKey && c.TemplateId == templateId).ExecuteDeleteAsync(cancellationToken);
        return await db.MiniProgramTemplates.Where(t => t.AppKey == appKey && t.TemplateId == templateId).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    public async Task AddConsentAsync(Guid appKey, Guid userId, string templateId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            if (await db.MiniProgramConsents.Where(c => c.AppKey == appKey && c.UserId == userId && c.TemplateId == templateId)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.Remaining, c => c.Remaining + 1), cancellationToken) > 0)
            {
                return;
            }

            db.MiniProgramConsents.Add(new ConsentRow { AppKey = appKey, UserId = userId, TemplateId = templateId, Remaining = 1 });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // The first consent arrived from two devices at once: count this one on the row the other made.
                db.ChangeTracker.Clear();
            }
        }
    }

    public async Task<bool> UseConsentAsync(Guid appKey, Guid userId, string templateId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MiniProgramConsents.Where(c => c.AppKey == appKey && c.UserId == userId && c.TemplateId == templateId && c.Remaining > 0)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.Remaining, c => c.Remaining - 1), cancellationToken) == 1;
    }

    public async Task AddNoticeAsync(Notice notice, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.MiniProgramNotices.Add(new NoticeRow
        {
            Id = notice.Id,
            UserId = notice.UserId,
            AppKey = notice.AppKey,
            Title = notice.Title,
            Fields = JsonSerializer.Serialize([.. notice.Fields.Select(f => new StoredField(f.Name, f.Value))], MiniProgramRowJson.Default.ListStoredField),
            Page = notice.Page,
            At = notice.At,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Notice>> NoticesAsync(Guid userId, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.MiniProgramNotices.AsNoTracking().Where(n => n.UserId == userId).OrderByDescending(n => n.At).Take(take).ToListAsync(cancellationToken);
        return rows.ConvertAll(n => new Notice(
            n.Id, n.UserId, n.AppKey, n.Title,
            [.. (JsonSerializer.Deserialize(n.Fields, MiniProgramRowJson.Default.ListStoredField) ?? []).Select(f => (f.Name, f.Value))],
            n.Page, n.At));
    }
}
