using Hutong.Accounts.Identity;
using Hutong.Contracts;
using Hutong.Contracts.MiniPrograms;
using Hutong.Core;
using Hutong.Core.Errors;
using Hutong.Core.Text;
using Hutong.MiniPrograms.Apps;
using Hutong.MiniPrograms.Versions;
using Microsoft.Extensions.Options;

namespace Hutong.MiniPrograms.Reports;

/// <summary>
/// Content reports: anyone who may open a released app reports it; operators see the reports and may take the app down,
/// which withdraws its released version (rejected, with their reason as its review note), so nobody but its team opens
/// it until the developer releases another. Stories, released without an operator's review, rely on this.
/// </summary>
public sealed class ReportService(
    MiniProgramService apps, IMiniProgramStore appStore, IReportStore reports, IVersionStore versions, Operators operators,
    IOptions<MiniProgramsOptions> options, TimeProvider clock)
{

    private int MaxReason => options.Value.MaxReviewReason;

    public async Task<Result<Done>> ReportAsync(Guid me, string appId, ReportMiniProgramRequest request, CancellationToken cancellationToken)
    {
        if (await apps.FindAsync(appId, cancellationToken) is not { ReleasedVersionId: not null } app)
        {
            return MiniProgramService.NotFound;
        }

        if (Reason(request.Reason) is not { } reason)
        {
            return ReasonError();
        }

        await reports.AddAsync(new AppReport(Ids.New(clock), app.Id, me, reason, clock.GetUtcNow()), cancellationToken);
        return Done.Value;
    }

    public async Task<Result<MiniProgramReportList>> ListAsync(Guid me, CancellationToken cancellationToken)
    {
        if (!await operators.IsOperatorAsync(me, cancellationToken))
        {
            return Operators.NotOperator;
        }

        var list = new List<MiniProgramReport>();
        foreach (var report in await reports.OfReleasedAsync(200, cancellationToken))
        {
            if (await appStore.FindAsync(report.AppKey, cancellationToken) is { } app)
            {
                list.Add(new MiniProgramReport(app.AppId, app.Name, app.Kind, app.ReleasedVersion, Ids.Format(report.ReporterId), report.Reason, report.ReportedAt));
            }
        }

        return new MiniProgramReportList(list);
    }

    /// <summary>Withdraws the app's released version; the app answers as unreleased to everyone off its team.</summary>
    public async Task<Result<MiniProgramVersionInfo>> TakeDownAsync(Guid me, string appId, TakeDownRequest request, CancellationToken cancellationToken)
    {
        if (!await operators.IsOperatorAsync(me, cancellationToken))
        {
            return Operators.NotOperator;
        }

        if (Reason(request.Reason) is not { } reason)
        {
            return ReasonError();
        }

        if (await apps.FindAsync(appId, cancellationToken) is not { } app)
        {
            return MiniProgramService.NotFound;
        }

        if (app.ReleasedVersionId is not { } released || !await versions.TakeDownAsync(app.Id, released, "Taken down: " + reason, clock.GetUtcNow(), cancellationToken))
        {
            return Error.Conflict(ErrorCodes.VersionStateConflict, "The mini-program has no released version.");
        }

        await reports.ClearAsync(app.Id, cancellationToken);
        return VersionService.Info((await versions.FindAsync(released, cancellationToken))!);
    }

    private string? Reason(string? text)
    {
        var reason = NameText.Clean(text);
        return reason.Length == 0 || reason.Length > MaxReason ? null : reason;
    }

    private Error ReasonError()
    {
        var errors = new FieldErrors();
        errors.Add("reason", $"Say why, in at most {MaxReason} characters.");
        return errors.ToError();
    }
}
