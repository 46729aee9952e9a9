namespace Hutong.Contracts.Social;

/// <summary>Moments and Status limits every node has unless its operator changes them (<c>Hutong:Social</c>).</summary>
public static class SocialLimits
{
    /// <summary>The longest status video, in seconds: what the web client records and asks uploads to hold to.</summary>
    public const int DefaultMaxStatusVideoSeconds = 15;
}
