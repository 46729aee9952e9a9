using Hutong.Client;
using Hutong.Web;
using Hutong.Web.Chats;
using Hutong.Web.Contacts;
using Hutong.Web.Localization;
using Hutong.Web.Moments;
using Hutong.Web.Notifications;
using Hutong.Web.OfficialAccounts;
using Hutong.Web.Session;
using Hutong.Web.Status;
using Hutong.Web.Wallet;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<App>("#app");
builder.RootComponents.Add<HeadOutlet>("head::after");

builder.Services.AddSingleton(_ => new HutongClient(new HttpClient { BaseAddress = new Uri(builder.HostEnvironment.BaseAddress) }));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<Browser>();
builder.Services.AddSingleton<MediaCache>();
builder.Services.AddSingleton<Texts>();
builder.Services.AddSingleton<AppSession>();
builder.Services.AddSingleton<People>();
builder.Services.AddSingleton<ChatStore>();
builder.Services.AddSingleton<ContactStore>();
builder.Services.AddSingleton<MoneyStore>();
builder.Services.AddSingleton<MomentsStore>();
builder.Services.AddSingleton<StatusStore>();
builder.Services.AddSingleton<OfficialAccountsStore>();
// Official accounts show among the chats and live on the chats' gateway, which know them only by these.
builder.Services.AddSingleton<IChatListRows>(sp => sp.GetRequiredService<OfficialAccountsStore>());
builder.Services.AddSingleton<IGatewayFeature>(sp => sp.GetRequiredService<OfficialAccountsStore>());
builder.Services.AddSingleton<DesktopNotifications>();

var host = builder.Build();
await host.Services.GetRequiredService<Texts>().InitializeAsync();
await host.Services.GetRequiredService<DesktopNotifications>().InitializeAsync();
await host.RunAsync();
