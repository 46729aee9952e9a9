namespace Hutong.Chat.Events;

/// <summary>A person: gives their event log its gap-free order. Keyed by user id.</summary>
public interface IUserGrain : IGrainWithGuidKey
{
    /// <summary>Appends durably and returns the event's seq.</summary>
    Task<long> AppendAsync(UserEventData data);
}
