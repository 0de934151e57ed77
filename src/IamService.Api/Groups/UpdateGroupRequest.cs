namespace IamService.Api.Groups;

/// <summary>A rename, a move to another path, or both; what is omitted stays as it is.</summary>
public sealed record UpdateGroupRequest
{
    /// <summary>The new name; the group keeps its id, its members, its policies and its tags.</summary>
    /// <example>Engineers</example>
    public string? NewGroupName { get; init; }

    /// <example>/engineering/</example>
    public string? NewPath { get; init; }
}
