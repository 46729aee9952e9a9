namespace Booking.Api;

/// <summary>What a refused notification is answered with, as WeChat Pay asks: <c>{"code": "FAIL", "message": "…"}</c>.</summary>
public sealed record NotifyFailure(string Code, string Message);
