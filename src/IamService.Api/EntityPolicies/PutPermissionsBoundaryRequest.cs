namespace IamService.Api.EntityPolicies;

/// <summary>The managed policy that is to cap a user's or role's permissions.</summary>
public sealed record PutPermissionsBoundaryRequest
{
    /// <summary>The ARN of a managed policy of this account, as IAM takes it.</summary>
    /// <example>arn:aws:iam::123456789012:policy/ReportingBoundary</example>
    public required string PolicyArn { get; init; }
}
