using Booking;

var builder = WebApplication.CreateBuilder(args);
builder.AddBooking();

var app = builder.Build();
app.MapBooking();
await app.RunAsync();

/// <summary>The entry point, visible to <c>WebApplicationFactory</c> in tests.</summary>
public partial class Program;
