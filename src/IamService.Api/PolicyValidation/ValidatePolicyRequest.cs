using System.Text.Json;
using IamService.Policies;

namespace IamService.Api.PolicyValidation;

/// <summary>A policy document to check without storing it.</summary>
public sealed class ValidatePolicyRequest
{
    /// <summary>The document, as a JSON string or a JSON object.</summary>
    /// <example>{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}]}</example>
    public required JsonElement PolicyDocument { get; init; }

    /// <summary>
    /// What the document is for; it decides which elements are required or forbidden: identity,
    /// permissionsBoundary, session, resourceBased or trust.
    /// </summary>
    /// <example>identity</example>
    public required PolicyType PolicyType { get; init; }

    /// <summary>
    /// An optional size limit in characters without white space, e.g. IAM's 6144 for a managed policy, 2048 for a
    /// user's inline policies, 5120 for a group's, 10240 for a role's.
    /// </summary>
    public int? MaxCharacters { get; init; }
}
