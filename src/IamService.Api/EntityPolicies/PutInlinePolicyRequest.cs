using System.Text.Json;

namespace IamService.Api.EntityPolicies;

/// <summary>The document of an inline policy, which is created or replaced.</summary>
public sealed record PutInlinePolicyRequest
{
    /// <summary>
    /// An identity policy as a JSON string or object. All of a holder's inline policies together may have at most
    /// 2,048 (user), 5,120 (group) or 10,240 (role) characters without white space.
    /// </summary>
    /// <example>
    /// {"Version":"2012-10-17","Statement":[
    ///   {"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/${aws:username}/*"}]}
    /// </example>
    public required JsonElement PolicyDocument { get; init; }
}
