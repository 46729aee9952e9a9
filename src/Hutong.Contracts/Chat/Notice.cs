namespace Hutong.Contracts.Chat;

/// <summary>The content of a system message: who did what to whom.</summary>
public sealed record Notice(string Type, string? ActorId, IReadOnlyList<string>? UserIds, long? TargetSeq, string? Text);
