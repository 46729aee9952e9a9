namespace Booking.Platform;

/// <summary>The platform refused a call this backend cannot do without (the access token): its <c>errcode</c> and <c>errmsg</c>.</summary>
public sealed class PlatformException(int errCode, string? errMsg)
    : Exception($"The platform refused: errcode {errCode} {errMsg}")
{
    public int ErrCode { get; } = errCode;

    public string? ErrMsg { get; } = errMsg;
}
