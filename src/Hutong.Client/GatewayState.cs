namespace Hutong.Client;

/// <summary>Where a gateway connection stands, for a person to see.</summary>
public enum GatewayState
{
    Offline,
    Connecting,
    Online,
}
