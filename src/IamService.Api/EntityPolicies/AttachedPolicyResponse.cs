namespace IamService.Api.EntityPolicies;

/// <summary>A managed policy attached to a user, group or role (IAM AttachedPolicy).</summary>
/// <param name="PolicyName" example="ReadReports">The policy's name.</param>
/// <param name="PolicyArn" example="arn:aws:iam::123456789012:policy/ReadReports">The policy's ARN.</param>
public sealed record AttachedPolicyResponse(string PolicyName, string PolicyArn);
