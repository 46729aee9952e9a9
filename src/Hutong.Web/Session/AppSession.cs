using Hutong.Client;
using Hutong.Contracts.Accounts;

namespace Hutong.Web.Session;

/// <summary>
/// Who is signed in on this browser. The device token lives in local storage, so a reload or a second tab is the same
/// device; signing out, or the device being revoked elsewhere, clears it.
/// </summary>
public sealed class AppSession(HutongClient api, Browser browser)
{
    private const string TokenKey = "hutong.token";
    private Task? _restoring;

    /// <summary>The signed-in person, or null.</summary>
    public MeResponse? Me { get; private set; }

    public string? DeviceId { get; private set; }

    public bool SignedIn => Me is not null;

    /// <summary>Raised when someone signs in or out.</summary>
    public event Action? Changed;

    /// <summary>Resumes the stored session once per page load; afterwards returns at once.</summary>
    public Task RestoreAsync() => _restoring ??= RestoreCoreAsync();

    public async Task SignUpAsync(string handle, string password, string displayName)
    {
        await api.SignUpAsync(new SignUpRequest(handle, password, displayName));
        await SignInAsync(handle, password);
    }

    public async Task SignInAsync(string handle, string password)
    {
        var login = await api.LoginAsync(new LoginRequest(handle, password, "Web browser"));
        await browser.SetAsync(TokenKey, login.Token);
        DeviceId = login.DeviceId;
        Me = await api.GetMeAsync();
        Changed?.Invoke();
    }

    public async Task SignOutAsync()
    {
        try
        {
            await api.LogoutAsync();
        }
        catch (HutongApiException)
        {
            // Already signed out on the server (revoked elsewhere): forgetting the token is all that is left.
        }
        catch (HttpRequestException)
        {
            // Offline: the token is forgotten here; the device can be revoked from another one.
        }

        await ForgetAsync();
    }

    /// <summary>The server no longer accepts this device's token.</summary>
    public async Task ForgetAsync()
    {
        api.Token = null;
        Me = null;
        DeviceId = null;
        await browser.SetAsync(TokenKey, null);
        Changed?.Invoke();
    }

    /// <summary>Reads my profile again (changed on another device); a failure keeps what is shown.</summary>
    public async Task RefreshMeAsync()
    {
        try
        {
            Update(await api.GetMeAsync());
        }
        catch (Exception e) when (e is HutongApiException or HttpRequestException)
        {
            // Shown as it was until the next change or reload.
        }
    }

    public void Update(MeResponse me)
    {
        Me = me;
        Changed?.Invoke();
    }

    private async Task RestoreCoreAsync()
    {
        var token = await browser.GetAsync(TokenKey);
        if (string.IsNullOrEmpty(token))
        {
            return;
        }

        api.Token = token;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Me = await api.GetMeAsync();
                var devices = await api.GetDevicesAsync();
                DeviceId = devices.Devices.FirstOrDefault(d => d.Current)?.DeviceId;
                return;
            }
            catch (HutongApiException e) when (e.Status == 401)
            {
                api.Token = null;
                await browser.SetAsync(TokenKey, null);
                return;
            }
            catch (HttpRequestException) when (attempt < 6)
            {
                // The page loaded but the node is restarting: the token is still good, so wait rather than sign out.
                await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt));
            }
        }
    }
}
