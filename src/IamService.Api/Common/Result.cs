using System.Diagnostics.CodeAnalysis;

namespace IamService.Api.Common;

/// <summary>The outcome of an operation that returns nothing on success, or the <see cref="IamError"/> that stopped
/// it.</summary>
public readonly struct Result
{
    private Result(IamError? error) => Error = error;

    public static Result Success { get; } = new(null);

    public IamError? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static Result Failure(IamError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new Result(error);
    }

    public static implicit operator Result(IamError error) => Failure(error);
}
