using System.Text.Json;
using IamService.Api.Common;
using IamService.Api.Guard;

namespace IamService.Api.Policies;

/// <summary>A new customer managed policy; its document becomes version v1, the default.</summary>
public sealed record CreatePolicyRequest : INewEntityRequest, ITaggingRequest
{
    /// <summary>1 to 128 ASCII letters, digits and <c>_ + = , . @ -</c>; unique in the account regardless of
    /// case.</summary>
    /// <example>ReadReports</example>
    public required string PolicyName { get; init; }

    /// <summary><c>/</c> (the default) or <c>/</c>-delimited segments of printable ASCII.</summary>
    /// <example>/reporting/</example>
    public string? Path { get; init; }

    /// <summary>
    /// An identity policy of at most 6,144 characters without white space, as a JSON string (IAM's form) or a
    /// JSON object (stored as its compact text).
    /// </summary>
    /// <example>
    /// {"Version":"2012-10-17","Statement":[
    ///   {"Sid":"Read","Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],"Resource":["arn:aws:s3:::reports",
    ///   "arn:aws:s3:::reports/*"]}]}
    /// </example>
    public required JsonElement PolicyDocument { get; init; }

    /// <summary>Up to 1,000 characters; it cannot be changed later, as in IAM.</summary>
    /// <example>Read access to the reports bucket.</example>
    public string? Description { get; init; }

    /// <summary>Up to 50 tags; keys are unique regardless of case.</summary>
    public IReadOnlyList<IamTag>? Tags { get; init; }

    string INewEntityRequest.NewEntityName => PolicyName;

    string? INewEntityRequest.NewEntityPath => Path;
}
