using Hutong.Contracts.Wallet;

namespace Hutong.Contracts.Events;

/// <summary>A new Pay notice for me: I paid a merchant, or one gave money back (<c>GET /api/v1/wallet/notices</c> lists them).</summary>
public sealed record PaymentNoticeEvent(PaymentNotice Notice) : UserEvent;
