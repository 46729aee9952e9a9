namespace Hutong.Contracts.Gateway;

/// <summary>Kinds of pushed <c>event</c> frame besides the user event kinds of the event log.</summary>
public static class EventKinds
{
    /// <summary>A message (text or system notice) in one of the person's conversations.</summary>
    public const string Message = "message";

    /// <summary>An entry of the person's event log; <c>userEvent</c> holds it.</summary>
    public const string UserEvent = "userEvent";
}
