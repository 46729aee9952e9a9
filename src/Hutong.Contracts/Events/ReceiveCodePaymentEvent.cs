namespace Hutong.Contracts.Events;

/// <summary>
/// <see cref="FromUserId"/> paid this person <see cref="Amount"/> (fen) by scanning their receive code, with the note
/// they wrote; the money is in the wallet already. <see cref="PaymentId"/> names the payment, as the wallet's history
/// line does in its <c>reference</c>.
/// </summary>
public sealed record ReceiveCodePaymentEvent(string PaymentId, string FromUserId, long Amount, string Currency, string? Note) : UserEvent;
