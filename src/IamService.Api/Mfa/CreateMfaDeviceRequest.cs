using IamService.Api.Guard;

namespace IamService.Api.Mfa;

public sealed record CreateMfaDeviceRequest : INewEntityRequest
{
    /// <summary>
    /// 1 to 128 ASCII letters, digits and <c>_ + = , . @ -</c>; unique in the account regardless of case. It
    /// names the device's serial number, <c>arn:aws:iam::ACCOUNT:mfa/NAME</c>.
    /// </summary>
    /// <example>alice-phone</example>
    public required string DeviceName { get; init; }

    string INewEntityRequest.NewEntityName => DeviceName;

    string? INewEntityRequest.NewEntityPath => null;
}
