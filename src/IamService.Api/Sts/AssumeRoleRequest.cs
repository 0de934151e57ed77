using System.Text.Json;

namespace IamService.Api.Sts;

/// <summary>A role session for the signed-in caller (STS AssumeRole).</summary>
/// <param name="RoleArn" example="arn:aws:iam::123456789012:role/Deployer">
/// The role's ARN, <c>arn:aws:iam::ACCOUNT:role/PATH/NAME</c>.</param>
/// <param name="RoleSessionName" example="alice">
/// 2 to 64 letters, digits and <c>_ + = , . @ -</c>; it ends the session's ARN.</param>
/// <param name="Policy">A session policy (JSON object or string) that further limits the role's permissions.</param>
/// <param name="DurationSeconds">900 up to the role's maximum session duration; 3600 when omitted.</param>
/// <param name="SerialNumber">The caller's MFA device ARN, to make the session MFA-authenticated.</param>
/// <param name="TokenCode">The device's current six-digit code.</param>
public sealed record AssumeRoleRequest(
    string RoleArn,
    string RoleSessionName,
    JsonElement? Policy = null,
    int? DurationSeconds = null,
    string? SerialNumber = null,
    string? TokenCode = null);
