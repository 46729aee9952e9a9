namespace Hutong.MiniPrograms.Reports;

/// <summary>A person's report of an app's content.</summary>
public sealed record AppReport(Guid Id, Guid AppKey, Guid ReporterId, string Reason, DateTimeOffset ReportedAt);

/// <summary>Reports of mini-programs' content. Implemented by Hutong.Storage.</summary>
public interface IReportStore
{
    /// <summary>Keeps the report; a person's second report of the same app replaces their first.</summary>
    Task AddAsync(AppReport report, CancellationToken cancellationToken);

    /// <summary>Reports of apps that are released, the newest first.</summary>
    Task<IReadOnlyList<AppReport>> OfReleasedAsync(int take, CancellationToken cancellationToken);

    /// <summary>Forgets the app's reports (once an operator has acted on them).</summary>
    Task ClearAsync(Guid appKey, CancellationToken cancellationToken);
}
