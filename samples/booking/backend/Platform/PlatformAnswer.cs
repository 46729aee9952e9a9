namespace Booking.Platform;

/// <summary>What every answer of the platform's API may carry: <c>errcode</c> 0 (or none) on success.</summary>
internal interface IPlatformAnswer
{
    int ErrCode { get; }

    string? ErrMsg { get; }
}
