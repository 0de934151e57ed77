namespace IamService.Api.Sts;

/// <summary>
/// Temporary credentials for a user's access key (STS GetSessionToken); with the serial number and a current
/// code of the user's MFA device, the session counts as MFA-authenticated.
/// </summary>
/// <param name="AccessKeyId" example="AKIAIOSFODNN7EXAMPLE">The key's id, <c>AKIA...</c>.</param>
/// <param name="SecretAccessKey" example="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY">
/// The secret shown when the key was created.</param>
/// <param name="SerialNumber">The MFA device's ARN, <c>arn:aws:iam::ACCOUNT:mfa/NAME</c>.</param>
/// <param name="TokenCode">The device's current six-digit code.</param>
/// <param name="DurationSeconds" example="3600">
/// 900 to 129600 as in STS; sessions end after 12 hours at the latest.</param>
public sealed record SessionTokenRequest(
    string AccessKeyId,
    string SecretAccessKey,
    string? SerialNumber = null,
    string? TokenCode = null,
    int? DurationSeconds = null);
