namespace Hutong.Contracts.MiniPrograms;

/// <summary>A person's report of a released mini-program's content (a story, a game, an app): why, in up to 500 characters.</summary>
public sealed record ReportMiniProgramRequest(string? Reason);

/// <summary>One report as operators see it.</summary>
public sealed record MiniProgramReport(string AppId, string AppName, string Kind, string? Released, string ReporterId, string Reason, DateTimeOffset ReportedAt);

/// <summary>Reports of apps still released, the newest first.</summary>
public sealed record MiniProgramReportList(IReadOnlyList<MiniProgramReport> Reports);

/// <summary>An operator's take-down of a released app: why, for its developer (required, up to 500 characters).</summary>
public sealed record TakeDownRequest(string? Reason);
