using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Hutong.Core.Options;

/// <summary>
/// A setting's duration between two bounds, both inclusive. Instead of <c>[Range(typeof(TimeSpan), …)]</c>, whose
/// first use converts its bounds lazily without a lock (dotnet/runtime#1143) and now and then fails with an
/// <see cref="InvalidCastException"/> when nodes start side by side in one process: these bounds are parsed once, here.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class TimeSpanRangeAttribute(string minimum, string maximum) : ValidationAttribute
{
    public TimeSpan Minimum { get; } = TimeSpan.Parse(minimum, CultureInfo.InvariantCulture);

    public TimeSpan Maximum { get; } = TimeSpan.Parse(maximum, CultureInfo.InvariantCulture);

    public override bool IsValid(object? value) => value is not TimeSpan span || (span >= Minimum && span <= Maximum);

    public override string FormatErrorMessage(string name) =>
        string.Create(CultureInfo.InvariantCulture, $"{name} must be between {Minimum} and {Maximum}.");
}
