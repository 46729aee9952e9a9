using Hutong.Client;
using Hutong.Contracts.Accounts;

namespace Hutong.Web.Contacts;

/// <summary>Names of the people this device has met (friends, group members), with my remark for a friend first.</summary>
public sealed class People(HutongClient api)
{
    private readonly Dictionary<string, PublicProfile> _profiles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _remarks = new(StringComparer.Ordinal);

    public void Remember(PublicProfile profile) => _profiles[profile.UserId] = profile;

    public void SetRemark(string userId, string? remark)
    {
        if (string.IsNullOrWhiteSpace(remark))
        {
            _remarks.Remove(userId);
        }
        else
        {
            _remarks[userId] = remark;
        }
    }

    public PublicProfile? Find(string userId) => _profiles.GetValueOrDefault(userId);

    /// <summary>How I call this person: my remark, their display name, or their handle.</summary>
    public string Name(string userId) =>
        _remarks.TryGetValue(userId, out var remark) ? remark
        : _profiles.TryGetValue(userId, out var profile) ? profile.DisplayName
        : "…";

    /// <summary>Looks up the people not yet known.</summary>
    public async Task EnsureAsync(IEnumerable<string> userIds)
    {
        foreach (var id in userIds.Where(id => !_profiles.ContainsKey(id)).Distinct().ToList())
        {
            try
            {
                Remember(await api.GetUserAsync(id));
            }
            catch (HutongApiException)
            {
                // Gone or hidden: the name stays unknown.
            }
        }
    }

    public void Clear()
    {
        _profiles.Clear();
        _remarks.Clear();
    }
}
