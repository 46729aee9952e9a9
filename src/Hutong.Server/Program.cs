using Hutong.Accounts;
using Hutong.Chat;
using Hutong.Chat.Media;
using Hutong.Server.Gateway;
using Hutong.Server.Hosting;
using Hutong.Wallet;

var builder = WebApplication.CreateBuilder(args);

builder.AddHutongHttp();
builder.AddHutongStorage();
builder.AddHutongCluster();
builder.AddHutongRateLimits();
builder.AddHutongOpenApi();
builder.AddAccounts();
builder.AddChat();
builder.AddWallet();
builder.AddGateway();
builder.AddWebClient();

var app = builder.Build();

app.UseHutongHttp();
app.MapHutongHealth();
app.MapHutongOpenApi();
app.MapAccountsApi();
app.MapContactsApi();
app.MapChatApi();
app.MapMediaApi();
app.MapWalletApi();
app.MapGateway();
app.MapWebClient();

app.Run();

/// <summary>The entry point, visible to <c>WebApplicationFactory</c> in tests.</summary>
public partial class Program;
