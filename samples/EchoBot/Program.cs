using EchoBot;

var builder = WebApplication.CreateBuilder(args);
builder.AddEchoBot();

var app = builder.Build();
app.MapEchoBot();
await app.RunAsync();

/// <summary>The entry point, visible to <c>WebApplicationFactory</c> in tests.</summary>
public partial class Program;
