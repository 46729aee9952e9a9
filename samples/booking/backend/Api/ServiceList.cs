namespace Booking.Api;

public sealed record ServiceList(IReadOnlyList<ServiceInfo> Services);
