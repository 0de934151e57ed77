namespace IamService.Policies;

/// <summary>
/// The caller's label for a policy, carried into <see cref="MatchedStatement"/>. <see cref="Id"/> is any stable
/// id the caller chooses; the optional properties say which managed policy version or inline policy it is.
/// </summary>
public sealed record PolicySource(string Id, PolicySourceKind Kind)
{
    /// <summary>The managed policy's ARN.</summary>
    public string? PolicyArn { get; init; }

    /// <summary>The managed policy version, such as "v3".</summary>
    public string? VersionId { get; init; }

    /// <summary>The inline policy's name.</summary>
    public string? PolicyName { get; init; }

    /// <summary>The user, group or role holding an inline policy, or the resource a policy is attached to.</summary>
    public string? OwnerName { get; init; }

    /// <summary>The group through which a user received this policy, when it did.</summary>
    public string? GroupName { get; init; }
}
