using System.Text.Json;

namespace IamService.Api.Roles;

/// <summary>A role's new trust policy (IAM UpdateAssumeRolePolicy).</summary>
public sealed record UpdateTrustPolicyRequest
{
    /// <summary>A trust policy, at most 2,048 characters without white space, as a JSON string or object.</summary>
    /// <example>
    /// {"Version":"2012-10-17","Statement":[
    ///   {"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}
    /// </example>
    public required JsonElement PolicyDocument { get; init; }
}
