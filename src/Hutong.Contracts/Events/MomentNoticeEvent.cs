using Hutong.Contracts.Social;

namespace Hutong.Contracts.Events;

/// <summary>A new "Moments message" for me, with how many are unread now.</summary>
public sealed record MomentNoticeEvent(MomentNotice Notice, int Unread) : UserEvent;
