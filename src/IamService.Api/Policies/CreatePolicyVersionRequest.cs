using System.Text.Json;

namespace IamService.Api.Policies;

/// <summary>A new version of a managed policy's document.</summary>
public sealed record CreatePolicyVersionRequest
{
    /// <summary>An identity policy of at most 6,144 characters without white space, as a JSON string or
    /// object.</summary>
    /// <example>
    /// {"Version":"2012-10-17","Statement":[
    ///   {"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/*"}]}
    /// </example>
    public required JsonElement PolicyDocument { get; init; }

    /// <summary>Make the new version the one in force; false when omitted, as in IAM.</summary>
    public bool SetAsDefault { get; init; }
}
