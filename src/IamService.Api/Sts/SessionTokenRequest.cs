namespace IamService.Api.Sts;

/// <summary>
/// Temporary credentials for a user's access key (STS GetSessionToken); with the serial number and a current
/// code of the user's MFA device, the session counts as MFA-authenticated.
/// </summary>
/// <param name="AccessKeyId">The key's id, <c>AKIA...</c>.</param>
/// <param name="SecretAccessKey">The secret shown when the key was created.</param>
/// <param name="SerialNumber">The MFA device's ARN, <c>arn:aws:iam::ACCOUNT:mfa/NAME</c>.</param>
/// <param name="TokenCode">The device's current six-digit code.</param>
/// <param name="DurationSeconds">900 to 129600 as in STS; sessions end after 12 hours at the latest.</param>
/// <example>{"accessKeyId": "AKIAIOSFODNN7EXAMPLE", "secretAccessKey": "...", "durationSeconds": 3600}</example>
public sealed record SessionTokenRequest(
    string AccessKeyId,
    string SecretAccessKey,
    string? SerialNumber = null,
    string? TokenCode = null,
    int? DurationSeconds = null);
