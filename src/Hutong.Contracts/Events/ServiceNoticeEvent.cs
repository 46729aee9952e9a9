using Hutong.Contracts.MiniPrograms;

namespace Hutong.Contracts.Events;

/// <summary>A new service notice for me: a mini-program's message sent with my consent.</summary>
public sealed record ServiceNoticeEvent(ServiceNotice Notice) : UserEvent;
