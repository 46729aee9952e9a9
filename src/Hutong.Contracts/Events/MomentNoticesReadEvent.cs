namespace Hutong.Contracts.Events;

/// <summary>Moments messages were read up to a notice on one of my devices; the others clear their badge.</summary>
public sealed record MomentNoticesReadEvent(string UpTo, int Unread) : UserEvent;
