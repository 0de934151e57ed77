using System.Diagnostics.CodeAnalysis;

namespace IamService.Api.Common;

/// <summary>
/// The value an operation produced, or the <see cref="IamError"/> that stopped it. Both convert implicitly,
/// so a service writes <c>return user;</c> or <c>return IamError.NoSuchEntity(...);</c>.
/// </summary>
public readonly struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, IamError? error)
    {
        _value = value;
        Error = error;
    }

    public IamError? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>The value; reading it from a failure is a bug and throws.</summary>
    public T Value => IsSuccess
        ? _value!
        : throw new InvalidOperationException($"The operation failed with {Error.Code}; there is no value.");

    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(IamError error) =>
        new(default, error ?? throw new ArgumentNullException(nameof(error)));
}
