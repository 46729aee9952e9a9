using Hutong.Client;
using Hutong.Contracts.Accounts;
using Hutong.Web.Localization;

namespace Hutong.Web.Contacts;

/// <summary>Names and photos of the people this device has met (friends, group members), with my remark for a friend first.</summary>
public sealed class People(HutongClient api, Texts texts)
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

    /// <summary>How I call this person: my remark, their display name, or that the account was deleted.</summary>
    public string Name(string userId) =>
        _profiles.TryGetValue(userId, out var profile) && profile.Deleted ? texts.S.Account.DeletedAccount
        : _remarks.TryGetValue(userId, out var remark) ? remark
        : profile is not null ? profile.DisplayName
        : "…";

    /// <summary>Where the person's photo is, if they have one and this device knows them.</summary>
    public string? AvatarUrl(string? userId) => userId is not null ? _profiles.GetValueOrDefault(userId)?.AvatarUrl : null;

    /// <summary>Fetches the person again: they changed their name or photo.</summary>
    public async Task RefreshAsync(string userId)
    {
        try
        {
            Remember(await api.GetUserAsync(userId));
        }
        catch (Exception e) when (e is HutongApiException or HttpRequestException)
        {
            // The old name stays until the next look-up.
        }
    }

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
