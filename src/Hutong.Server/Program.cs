using Hutong.Accounts;
using Hutong.Chat;
using Hutong.Chat.Media;
using Hutong.MiniPrograms;
using Hutong.OfficialAccounts;
using Hutong.OfficialAccounts.AppApi;
using Hutong.Realtime;
using Hutong.Server.Export;
using Hutong.Server.Gateway;
using Hutong.Server.Hosting;
using Hutong.Social;
using Hutong.Wallet;
using Hutong.Wallet.Merchants;
using Hutong.Wallet.Merchants.Orders;
using Hutong.Wallet.Merchants.PayerNotices;
using Hutong.Wallet.Merchants.V3;
using Hutong.Wallet.Receiving;

// The content root is the application's own folder, whatever the working directory: a service manager starting
// `dotnet /srv/hutong/Hutong.Server.dll` from elsewhere still finds appsettings.json and the web client. The data
// directory stays relative to the working directory (Hutong:DataDirectory).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

builder.AddHutongHttp();
builder.AddHutongStorage();
builder.AddHutongCluster();
builder.AddHutongTelemetry();
builder.AddHutongRateLimits();
builder.AddHutongOpenApi();
builder.AddRealtime();
builder.AddAccounts();
builder.AddChat();
builder.AddWallet();
builder.AddSocial();
builder.AddOfficialAccounts();
builder.AddMiniPrograms();
builder.AddGateway();
builder.AddWebClient();

var app = builder.Build();

app.UseHutongHttp();
app.MapHutongHealth();
app.MapHutongMetrics();
app.MapHutongOpenApi();
app.MapAccountsApi();
app.MapContactsApi();
app.MapEventsApi();
app.MapChatApi();
app.MapMediaApi();
app.MapAvatarApi();
app.MapExportApi();
app.MapWalletApi();
app.MapReceiveCodeApi();
app.MapMerchantApi();
app.MapMerchantOrdersApi();
app.MapPaymentApi();
app.MapPaymentNoticeApi();
app.MapV3Api();
app.MapSocialApi();
app.MapOfficialAccountsApi();
app.MapWeChatApi();
app.MapMiniProgramsApi();
app.MapGateway();
app.MapWebClient();

app.Run();

/// <summary>The entry point, visible to <c>WebApplicationFactory</c> in tests.</summary>
public partial class Program;
