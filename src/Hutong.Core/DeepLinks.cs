namespace Hutong.Core;

/// <summary>The <c>hutong://</c> links that QR codes and shares carry; every openable thing has one.</summary>
public static class DeepLinks
{
    public static string User(Guid userId) => $"hutong://user/{Ids.Format(userId)}";

    /// <summary>A group's join code, shown as a QR.</summary>
    public static string Group(string code) => $"hutong://group/{code}";
}
