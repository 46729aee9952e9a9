using Hutong.Contracts.MiniPrograms;

namespace Hutong.Cli.MiniPrograms;

/// <summary>One upload of <c>hutong mp dev</c>: the version it made, or the error that refused it (as printed).</summary>
internal sealed record DevRound(int Number, MiniProgramVersionInfo? Version, string? Error);
