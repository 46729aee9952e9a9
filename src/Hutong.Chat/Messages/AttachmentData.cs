namespace Hutong.Chat.Messages;

/// <summary>The upload a media message carries, with what is needed to show it without another lookup.</summary>
[GenerateSerializer, Immutable, Alias("hutong.chat.attachment")]
public sealed record AttachmentData(
    [property: Id(0)] Guid MediaId,
    [property: Id(1)] string ContentType,
    [property: Id(2)] long Size,
    [property: Id(3)] string? FileName,
    [property: Id(4)] int? DurationMs);
