namespace IamService.Api.Common;

/// <summary>The managed policy that caps a user's or role's permissions.</summary>
/// <param name="PermissionsBoundaryType" example="Policy">Always <c>Policy</c>, as in IAM.</param>
/// <param name="PermissionsBoundaryArn" example="arn:aws:iam::123456789012:policy/DivisionBoundary">The managed
/// policy's ARN.</param>
public sealed record PermissionsBoundaryResponse(string PermissionsBoundaryType, string PermissionsBoundaryArn)
{
    public static PermissionsBoundaryResponse? For(Data.Policies.ManagedPolicy? policy, string accountId) =>
        policy is null
            ? null
            : new("Policy", IamArn.Format(accountId, EntityKind.Policy, policy.Path, policy.Name));
}
