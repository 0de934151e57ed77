namespace IamService.Api.Policies;

/// <summary>The version to put in force.</summary>
public sealed record SetDefaultVersionRequest
{
    /// <example>v2</example>
    public required string VersionId { get; init; }
}
