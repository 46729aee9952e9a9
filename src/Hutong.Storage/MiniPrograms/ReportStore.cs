using Hutong.MiniPrograms.Reports;
using Microsoft.EntityFrameworkCore;

namespace Hutong.Storage.MiniPrograms;

internal sealed class ReportStore(IDbContextFactory<HutongDbContext> contexts) : IReportStore
{
    public async Task AddAsync(AppReport report, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (await db.MiniProgramReports.Where(r => r.AppKey == report.AppKey && r.ReporterId == report.ReporterId)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.Reason, report.Reason).SetProperty(r => r.ReportedAt, report.ReportedAt), cancellationToken) > 0)
            {
                return;
            }

            db.MiniProgramReports.Add(new ReportRow { Id = report.Id, AppKey = report.AppKey, ReporterId = report.ReporterId, Reason = report.Reason, ReportedAt = report.ReportedAt });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException)
            {
                // The same person's report from another device at the same moment: update that one instead.
                db.ChangeTracker.Clear();
            }
        }
    }

    public async Task<IReadOnlyList<AppReport>> OfReleasedAsync(int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.MiniProgramReports.AsNoTracking()
            .Where(r => db.MiniPrograms.Any(a => a.Id == r.AppKey && a.ReleasedVersionId != null))
            .OrderByDescending(r => r.ReportedAt).Take(take).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new AppReport(r.Id, r.AppKey, r.ReporterId, r.Reason, r.ReportedAt))];
    }

    public async Task ClearAsync(Guid appKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.MiniProgramReports.Where(r => r.AppKey == appKey).ExecuteDeleteAsync(cancellationToken);
    }
}
