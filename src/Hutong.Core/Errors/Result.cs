using System.Diagnostics.CodeAnalysis;

namespace Hutong.Core.Errors;

/// <summary>The value of an operation, or the <see cref="Errors.Error"/> that stopped it. Expected failures are values, not exceptions.</summary>
[GenerateSerializer, Immutable, Alias("hutong.result`1")]
public readonly struct Result<T>
{
    [Id(0)]
    private readonly T? _value;

    [Id(1)]
    private readonly Error? _error;

    private Result(T? value, Error? error)
    {
        _value = value;
        _error = error;
    }

    public Error? Error => _error;

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"The operation failed: {Error.Code}.");

    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(Error error) => new(default, error);
}

/// <summary>The marker value of an operation that succeeds with nothing to return.</summary>
[GenerateSerializer, Immutable, Alias("hutong.done")]
public readonly record struct Done
{
    public static Done Value => default;
}
