namespace Hutong.Chat.Messages;

/// <summary>The content of a system message; <see cref="Type"/> is one of <c>NoticeTypes</c>.</summary>
[GenerateSerializer, Immutable, Alias("hutong.chat.notice")]
public sealed record NoticeData(
    [property: Id(0)] string Type,
    [property: Id(1)] Guid? ActorId,
    [property: Id(2)] IReadOnlyList<Guid>? UserIds,
    [property: Id(3)] long? TargetSeq,
    [property: Id(4)] string? Text);
