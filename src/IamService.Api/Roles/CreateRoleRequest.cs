using System.Text.Json;
using IamService.Api.Common;
using IamService.Api.Guard;

namespace IamService.Api.Roles;

/// <summary>A new role: who may assume it (the trust policy) and, optionally, how long its sessions last.</summary>
public sealed record CreateRoleRequest : INewEntityRequest, ITaggingRequest
{
    /// <summary>1 to 64 ASCII letters, digits and <c>_ + = , . @ -</c>; unique in the account regardless of
    /// case.</summary>
    /// <example>ReportReader</example>
    public required string RoleName { get; init; }

    /// <summary><c>/</c> (the default) or <c>/</c>-delimited segments of printable ASCII.</summary>
    /// <example>/reporting/</example>
    public string? Path { get; init; }

    /// <summary>
    /// The trust policy: a policy that names a Principal and only <c>sts:</c> actions, at most 2,048 characters
    /// without white space, as a JSON string (IAM's form) or a JSON object (stored as its compact text).
    /// </summary>
    /// <example>
    /// {"Version":"2012-10-17","Statement":[
    ///   {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole"}]}
    /// </example>
    public required JsonElement AssumeRolePolicyDocument { get; init; }

    /// <summary>Up to 1,000 characters.</summary>
    /// <example>Reads the quarterly reports.</example>
    public string? Description { get; init; }

    /// <summary>The longest session, in seconds: 3600 (the default) to 43200.</summary>
    /// <example>7200</example>
    public int? MaxSessionDuration { get; init; }

    /// <summary>The ARN of a managed policy of this account that caps the role's permissions.</summary>
    /// <example>arn:aws:iam::123456789012:policy/ReportingBoundary</example>
    public string? PermissionsBoundary { get; init; }

    /// <summary>Up to 50 tags; keys are unique regardless of case.</summary>
    public IReadOnlyList<IamTag>? Tags { get; init; }

    string INewEntityRequest.NewEntityName => RoleName;

    string? INewEntityRequest.NewEntityPath => Path;
}
