using System.ComponentModel.DataAnnotations;

namespace Hutong.Core.Options;

/// <summary>A setting that names a time zone this machine knows (an IANA id such as <c>Asia/Shanghai</c>).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class TimeZoneIdAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value is not string id || TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    public override string FormatErrorMessage(string name) => $"{name} must name a time zone this machine knows, such as Asia/Shanghai.";
}
