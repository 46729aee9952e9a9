namespace Hutong.Chat.Messages;

/// <summary>
/// What a money message refers to; the wallet owns the money and its state, the message only points at it. A
/// transfer is named by its sender's transfer id and carries its amount; a red packet is named by its id alone.
/// </summary>
[GenerateSerializer, Immutable, Alias("hutong.chat.money")]
public sealed record MoneyData(
    [property: Id(0)] string Ref,
    [property: Id(1)] long? Amount);
