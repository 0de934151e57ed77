namespace IamService.Api.Roles;

/// <summary>A role's description, its longest session, or both; what is omitted stays as it is (IAM
/// UpdateRole).</summary>
public sealed record UpdateRoleRequest
{
    /// <summary>Up to 1,000 characters; an empty string removes the description.</summary>
    /// <example>Reads the quarterly and yearly reports.</example>
    public string? Description { get; init; }

    /// <summary>3600 to 43200 seconds.</summary>
    /// <example>7200</example>
    public int? MaxSessionDuration { get; init; }
}
