namespace Hutong.Core.Outbound;

/// <summary>The failures an <see cref="OutboundPolicy"/> tries again.</summary>
[Flags]
public enum OutboundRetry
{
    None = 0,

    /// <summary>The connection could not be made or broke (<see cref="OutboundFailure.Unreachable"/>).</summary>
    Unreachable = 1,

    /// <summary>The try ran past its timeout (<see cref="OutboundFailure.Timeout"/>).</summary>
    Timeout = 2,

    /// <summary>A 5xx answer.</summary>
    ServerError = 4,

    /// <summary>A 429 answer.</summary>
    TooManyRequests = 8,

    Transient = Unreachable | Timeout | ServerError | TooManyRequests,
}
