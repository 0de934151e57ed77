namespace IamService.Api.Mfa;

/// <example>{"deviceName": "alice-phone"}</example>
public sealed record CreateMfaDeviceRequest
{
    /// <summary>
    /// 1 to 128 ASCII letters, digits and <c>_ + = , . @ -</c>; unique in the account regardless of case. It
    /// names the device's serial number, <c>arn:aws:iam::ACCOUNT:mfa/NAME</c>.
    /// </summary>
    public required string DeviceName { get; init; }
}
