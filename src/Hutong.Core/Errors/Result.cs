using System.Diagnostics.CodeAnalysis;

namespace Hutong.Core.Errors;

/// <summary>The value of an operation, or the <see cref="Errors.Error"/> that stopped it. Expected failures are values, not exceptions.</summary>
public readonly struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, Error? error)
    {
        _value = value;
        Error = error;
    }

    public Error? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"The operation failed: {Error.Code}.");

    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(Error error) => new(default, error);
}

/// <summary>The marker value of an operation that succeeds with nothing to return.</summary>
public readonly record struct Done
{
    public static Done Value => default;
}
