using Bunit;
using Hutong.Web.Chats;
using Hutong.Web.Contacts;
using Hutong.Web.Localization;
using Hutong.Web.Moments;
using Hutong.Web.Notifications;
using Hutong.Web.OfficialAccounts;
using Hutong.Web.Session;
using Hutong.Web.Status;
using Hutong.Web.Wallet;
using Microsoft.Extensions.DependencyInjection;

namespace Hutong.Web.Tests.Testing;

/// <summary>The client's real services as Program.cs registers them, over a recording handler instead of the network.</summary>
internal static class WebServices
{
    public static BunitContext AddWebClient(this BunitContext context, RecordingHandler handler, TimeProvider clock, People? people = null)
    {
        // The browser's storage and language calls answer with defaults: nothing stored, no language preference.
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        var api = Sample.Client(handler);
        context.Services.AddSingleton(api);
        context.Services.AddSingleton(clock);
        context.Services.AddSingleton<Browser>();
        context.Services.AddSingleton<Texts>();
        context.Services.AddSingleton<AppSession>();
        context.Services.AddSingleton(sp => people ?? new People(api, sp.GetRequiredService<Texts>()));
        context.Services.AddSingleton<MediaCache>();
        context.Services.AddSingleton<MoneyStore>();
        context.Services.AddSingleton<ContactStore>();
        context.Services.AddSingleton<MomentsStore>();
        context.Services.AddSingleton<StatusStore>();
        context.Services.AddSingleton<DesktopNotifications>();
        context.Services.AddSingleton<OfficialAccountsStore>();
        context.Services.AddSingleton<IChatListRows>(sp => sp.GetRequiredService<OfficialAccountsStore>());
        context.Services.AddSingleton<IGatewayFeature>(sp => sp.GetRequiredService<OfficialAccountsStore>());
        context.Services.AddSingleton<ChatStore>();
        return context;
    }
}
