namespace IamService.Api.EntityPolicies;

/// <summary>A managed policy attached to a user, group or role (IAM AttachedPolicy).</summary>
/// <param name="PolicyName">The policy's name.</param>
/// <param name="PolicyArn">The policy's ARN.</param>
public sealed record AttachedPolicyResponse(string PolicyName, string PolicyArn);
